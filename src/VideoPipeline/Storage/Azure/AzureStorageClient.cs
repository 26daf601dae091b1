using global::Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VideoPipeline.Storage.Azure;

/// <summary>
/// One storage account over REST: <see cref="Blobs"/> and <see cref="Queues"/>, authorized with the account key
/// (Shared Key) or, for accounts without a key, an Entra ID token from <paramref name="credential"/>.
/// </summary>
public sealed class AzureStorageClient
{
    public AzureStorageClient(
        StorageConnectionString connection,
        StorageOptions options,
        HttpClient http,
        TokenCredential? credential = null,
        ILogger<AzureStorageClient>? logger = null)
    {
        IStorageRequestAuthorizer authorizer = connection.AccountKey is { } key
            ? new SharedKeyAuthorizer(connection.AccountName, key)
            : new TokenCredentialAuthorizer(credential ?? throw new ArgumentNullException(
                nameof(credential), "The storage connection string has no AccountKey, so an Entra ID credential is needed"));
        var log = (ILogger?)logger ?? NullLogger.Instance;
        this.Connection = connection;
        this.Blobs = new BlobServiceClient(new StorageHttpPipeline("Blob", connection.BlobEndpoint, http, authorizer, options, log), connection, options);
    }

    public StorageConnectionString Connection { get; }

    public BlobServiceClient Blobs { get; }
}
