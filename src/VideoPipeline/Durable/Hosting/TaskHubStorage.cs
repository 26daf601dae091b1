using Azure.Data.Tables;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Options;
using VideoPipeline.Storage;

namespace VideoPipeline.Durable.Hosting;

/// <summary>The storage account the task hub lives in: the same account as the assets (Azurite locally).</summary>
public sealed class TaskHubStorage(IOptions<StorageOptions> storage)
{
    private string ConnectionString => storage.Value.ConnectionString;

    internal StorageAccountClientProvider ClientProvider => new(this.ConnectionString);

    public TableServiceClient Tables { get; } = new(storage.Value.ConnectionString);

    public QueueServiceClient Queues { get; } = new(storage.Value.ConnectionString);
}
