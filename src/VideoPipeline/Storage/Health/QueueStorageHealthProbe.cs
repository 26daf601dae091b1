using Azure.Storage.Queues;
using VideoPipeline.Storage.Account;

namespace VideoPipeline.Storage.Health;

/// <summary>The queues of the storage account (blob trigger poison messages, durable work).</summary>
public sealed class QueueStorageHealthProbe(StorageConnection connection) : PingHealthProbe
{
    private readonly QueueServiceClient queues = connection.CreateQueueServiceClient(WithoutRetries(new QueueClientOptions()));

    public override string Name => "queue";

    protected override Uri Endpoint => connection.QueueServiceUri;

    protected override async Task PingAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in this.queues.GetQueuesAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
        {
            return;
        }
    }
}
