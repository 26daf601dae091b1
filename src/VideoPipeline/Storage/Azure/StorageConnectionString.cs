namespace VideoPipeline.Storage.Azure;

/// <summary>
/// An Azure Storage connection string: <c>UseDevelopmentStorage=true</c> (Azurite) or
/// <c>DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...;BlobEndpoint=...;QueueEndpoint=...</c>.
/// Without <c>AccountKey</c> the account is reached with an Entra ID token instead of Shared Key.
/// </summary>
public sealed class StorageConnectionString
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    // The well-known Azurite/Storage Emulator key; public by design, valid only against the emulator.
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly HashSet<string> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "UseDevelopmentStorage", "DefaultEndpointsProtocol", "AccountName", "AccountKey",
        "BlobEndpoint", "QueueEndpoint", "TableEndpoint", "FileEndpoint", "EndpointSuffix",
    };

    private StorageConnectionString(string accountName, byte[]? accountKey, Uri blobEndpoint, Uri queueEndpoint)
    {
        this.AccountName = accountName;
        this.AccountKey = accountKey;
        this.BlobEndpoint = blobEndpoint;
        this.QueueEndpoint = queueEndpoint;
    }

    public string AccountName { get; }

    /// <summary>The decoded account key; null when the account is reached with an Entra ID token.</summary>
    public byte[]? AccountKey { get; }

    /// <summary>The Blob service root, without a trailing slash (path-style for Azurite).</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The Queue service root, without a trailing slash.</summary>
    public Uri QueueEndpoint { get; }

    public bool HasAccountKey => this.AccountKey is not null;

    public static StorageConnectionString Development { get; } = Parse("UseDevelopmentStorage=true");

    /// <exception cref="FormatException">The string is malformed; the message names what is wrong but never echoes a key.</exception>
    public static StorageConnectionString Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw Malformed("it is empty. Use 'UseDevelopmentStorage=true' for Azurite");
        }

        var values = Split(connectionString);
        if (values.TryGetValue("UseDevelopmentStorage", out var development))
        {
            if (!string.Equals(development, "true", StringComparison.OrdinalIgnoreCase) || values.Count != 1)
            {
                throw Malformed("UseDevelopmentStorage must be 'true' and stand alone");
            }

            return new StorageConnectionString(
                DevelopmentAccountName,
                Convert.FromBase64String(DevelopmentAccountKey),
                new Uri("http://127.0.0.1:10000/" + DevelopmentAccountName),
                new Uri("http://127.0.0.1:10001/" + DevelopmentAccountName));
        }

        var protocol = values.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
        if (protocol is not ("https" or "http"))
        {
            throw Malformed("DefaultEndpointsProtocol must be 'https' or 'http'");
        }

        values.TryGetValue("AccountName", out var accountName);
        var key = DecodeKey(values.GetValueOrDefault("AccountKey"));
        var suffix = values.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        var blob = Endpoint(values, "BlobEndpoint", "blob", protocol, accountName, suffix);
        var queue = Endpoint(values, "QueueEndpoint", "queue", protocol, accountName, suffix);

        accountName ??= AccountFromEndpoint(blob);
        if (key is not null && string.IsNullOrEmpty(accountName))
        {
            throw Malformed("AccountKey needs AccountName");
        }

        return new StorageConnectionString(accountName, key, blob, queue);
    }

    private static Dictionary<string, string> Split(string connectionString)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            // Values may contain '=' (base64 keys), so only the first one separates.
            var equals = segments[i].IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw Malformed($"segment {i + 1} is not of the form Key=Value");
            }

            var name = segments[i][..equals].Trim();
            if (name.Equals("SharedAccessSignature", StringComparison.OrdinalIgnoreCase))
            {
                throw Malformed("SharedAccessSignature is not supported; give AccountKey, or omit it to use Entra ID");
            }

            if (!KnownKeys.Contains(name))
            {
                throw Malformed($"'{name}' is not a known setting (expected {string.Join(", ", KnownKeys)})");
            }

            if (!values.TryAdd(name, segments[i][(equals + 1)..].Trim()))
            {
                throw Malformed($"'{name}' appears twice");
            }
        }

        return values.Count == 0 ? throw Malformed("it has no Key=Value segments") : values;
    }

    private static byte[]? DecodeKey(string? key)
    {
        if (key is null)
        {
            return null;
        }

        var bytes = new byte[key.Length];
        return key.Length > 0 && Convert.TryFromBase64String(key, bytes, out var written)
            ? bytes[..written]
            : throw Malformed("AccountKey is not valid base64");
    }

    private static Uri Endpoint(
        Dictionary<string, string> values, string name, string service, string protocol, string? account, string suffix)
    {
        if (values.TryGetValue(name, out var explicitEndpoint))
        {
            if (!Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw Malformed($"{name} is not an absolute http(s) URL");
            }

            return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        }

        return string.IsNullOrEmpty(account)
            ? throw Malformed($"it needs AccountName or {name}")
            : new Uri($"{protocol}://{account}.{service}.{suffix}");
    }

    // Path-style (emulator) endpoints carry the account as the first path segment; Azure ones as the first host label.
    private static string AccountFromEndpoint(Uri endpoint)
    {
        var path = endpoint.AbsolutePath.Trim('/');
        return path.Length > 0 ? path.Split('/')[0] : endpoint.Host.Split('.')[0];
    }

    private static FormatException Malformed(string what) =>
        new($"The storage connection string is malformed: {what}.");
}
