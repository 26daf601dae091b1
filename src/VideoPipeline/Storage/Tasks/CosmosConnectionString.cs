namespace VideoPipeline.Storage.Tasks;

/// <summary>The standard <c>AccountEndpoint=...;AccountKey=...;</c> Cosmos DB connection string.</summary>
public sealed record CosmosConnectionString(Uri Endpoint, string? AccountKey)
{
    /// <summary>An emulator on this machine: its self-signed certificate may be accepted.</summary>
    public bool IsLoopback => this.Endpoint.IsLoopback;

    /// <exception cref="FormatException">Malformed; the message never echoes the key.</exception>
    public static CosmosConnectionString Parse(string? connectionString)
    {
        string? endpoint = null, key = null;
        foreach (var segment in (connectionString ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? segment[..equals] : segment;
            var value = equals > 0 ? segment[(equals + 1)..] : string.Empty;
            if (name.Equals("AccountEndpoint", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = value;
            }
            else if (name.Equals("AccountKey", StringComparison.OrdinalIgnoreCase))
            {
                key = value;
            }
            else
            {
                throw new FormatException($"The Cosmos DB connection string is malformed: '{name}' is not AccountEndpoint or AccountKey.");
            }
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new FormatException("The Cosmos DB connection string is malformed: AccountEndpoint must be an absolute https URL.");
        }

        if (key is not null && !Convert.TryFromBase64String(key, new byte[key.Length], out _))
        {
            throw new FormatException("The Cosmos DB connection string is malformed: AccountKey is not valid base64.");
        }

        return new CosmosConnectionString(uri, string.IsNullOrEmpty(key) ? null : key);
    }
}
