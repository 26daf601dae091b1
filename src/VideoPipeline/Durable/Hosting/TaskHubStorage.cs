using Azure.Data.Tables;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using VideoPipeline.Storage.Account;

namespace VideoPipeline.Durable.Hosting;

/// <summary>
/// The storage account the task hub lives in: the app's <c>AzureWebJobsStorage</c> connection, as in Durable Functions
/// (Azurite locally; a connection string, or service URIs with an Entra ID credential).
/// </summary>
public sealed class TaskHubStorage(StorageConnection connection, TableServiceClient tables, QueueServiceClient queues)
{
    internal StorageAccountClientProvider ClientProvider => connection.ConnectionString is { } connectionString
        ? new StorageAccountClientProvider(connectionString)
        : new StorageAccountClientProvider(connection.BlobServiceUri, connection.QueueServiceUri, connection.TableServiceUri, connection.Credential!);

    public TableServiceClient Tables { get; } = tables;

    public QueueServiceClient Queues { get; } = queues;
}
