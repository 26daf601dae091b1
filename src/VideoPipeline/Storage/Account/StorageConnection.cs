using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;

namespace VideoPipeline.Storage.Account;

/// <summary>
/// The storage account the app runs on, read from the Functions connection <c>AzureWebJobsStorage</c> the way the
/// Functions host reads it: either a connection string (<c>UseDevelopmentStorage=true</c> for Azurite), or, for
/// an identity-based connection, service URIs (<c>__blobServiceUri</c>, <c>__queueServiceUri</c>,
/// <c>__tableServiceUri</c>, or <c>__serviceUri</c> for Blob, or <c>__accountName</c>) with <c>__credential</c> /
/// <c>__clientId</c>. Anything else that runs on this account (the Durable Task backend among them) takes its
/// <see cref="ConnectionString"/>, or the service URIs and <see cref="Credential"/>, from here.
/// </summary>
public sealed class StorageConnection
{
    /// <summary>The Functions connection name, and the configuration key it is read from.</summary>
    public const string Name = "AzureWebJobsStorage";

    /// <summary>The keys of an identity-based connection, as <c>AzureWebJobsStorage__{key}</c>.</summary>
    public static readonly IReadOnlyList<string> IdentitySettings =
        ["accountName", "serviceUri", "blobServiceUri", "queueServiceUri", "tableServiceUri", "credential", "clientId"];

    /// <summary>Azurite's well-known account, used when <c>AzureWebJobsStorage</c> is not set at all.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private StorageConnection(string? connectionString, Uri blob, Uri queue, Uri table, TokenCredential? credential)
    {
        this.ConnectionString = connectionString;
        this.BlobServiceUri = blob;
        this.QueueServiceUri = queue;
        this.TableServiceUri = table;
        this.Credential = credential;
    }

    /// <summary>The connection string, or null for an identity-based connection (then <see cref="Credential"/> is set).</summary>
    public string? ConnectionString { get; }

    public Uri BlobServiceUri { get; }

    public Uri QueueServiceUri { get; }

    public Uri TableServiceUri { get; }

    /// <summary>The Entra ID credential of an identity-based connection; null when a connection string carries the secret.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>The local emulator (Azurite): its endpoints are on this machine and speak plain http.</summary>
    public bool IsLocalEmulator => this.BlobServiceUri.IsLoopback;

    /// <summary>A connection string (key or SAS inside).</summary>
    public static StorageConnection FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        // The SDK parses every connection string form (UseDevelopmentStorage, explicit endpoints, suffixes): ask it for the endpoints.
        return new StorageConnection(
            connectionString,
            new BlobServiceClient(connectionString).Uri,
            new QueueServiceClient(connectionString).Uri,
            new TableServiceClient(connectionString).Uri,
            credential: null);
    }

    /// <summary>An identity-based connection: the account's service endpoints and the credential to reach them with.</summary>
    public static StorageConnection FromServiceUris(Uri blob, Uri queue, Uri table, TokenCredential credential) =>
        new(null, blob, queue, table, credential ?? throw new ArgumentNullException(nameof(credential)));

    /// <summary>
    /// Reads the connection from <paramref name="section"/> (the <c>AzureWebJobsStorage</c> section). Credentials of an
    /// identity-based connection come from <paramref name="components"/>: <c>credential=managedidentity</c> with an
    /// optional <c>clientId</c>, a client secret or certificate, or DefaultAzureCredential when nothing is named.
    /// Nothing set at all means the local emulator (<see cref="DevelopmentStorage"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The connection is missing or incomplete; the message names the setting.</exception>
    public static StorageConnection FromConfiguration(IConfigurationSection section, AzureComponentFactory components)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(components);
        var setting = section.Path.Replace(":", "__", StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value);
        }

        if (!section.GetChildren().Any())
        {
            return FromConnectionString(DevelopmentStorage);
        }

        var account = section["accountName"];
        Uri? Endpoint(string key, string service) =>
            Absolute(section[key], $"{setting}__{key}")
            ?? (string.IsNullOrWhiteSpace(account) ? null : new Uri($"https://{account.Trim()}.{service}.core.windows.net"));

        var blob = Endpoint("blobServiceUri", "blob") ?? Absolute(section["serviceUri"], $"{setting}__serviceUri");
        var queue = Endpoint("queueServiceUri", "queue");
        var table = Endpoint("tableServiceUri", "table");
        if (blob is null || queue is null || table is null)
        {
            throw new InvalidOperationException(
                $"{setting} is not set: give a connection string (UseDevelopmentStorage=true for Azurite), or {setting}__accountName, "
                + $"or {setting}__blobServiceUri, {setting}__queueServiceUri and {setting}__tableServiceUri (with {setting}__credential=managedidentity "
                + $"and {setting}__clientId for a user-assigned identity)");
        }

        return FromServiceUris(blob, queue, table, components.CreateTokenCredential(section));
    }

    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions options) =>
        this.Credential is { } credential ? new BlobServiceClient(this.BlobServiceUri, credential, options) : new BlobServiceClient(this.ConnectionString, options);

    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions options) =>
        this.Credential is { } credential ? new QueueServiceClient(this.QueueServiceUri, credential, options) : new QueueServiceClient(this.ConnectionString, options);

    public TableServiceClient CreateTableServiceClient(TableClientOptions options) =>
        this.Credential is { } credential ? new TableServiceClient(this.TableServiceUri, credential, options) : new TableServiceClient(this.ConnectionString, options);

    /// <summary>Endpoints only: the connection string's secret is never shown.</summary>
    public override string ToString() =>
        $"{(this.Credential is null ? "connection string" : "Entra ID")}: blob {this.BlobServiceUri}, queue {this.QueueServiceUri}, table {this.TableServiceUri}";

    private static Uri? Absolute(string? text, string setting)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new InvalidOperationException($"{setting} is '{text}', which is not an absolute http(s) URL");
    }
}
