using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Storage.Health;

/// <summary>The durable engine's work queues.</summary>
public sealed class QueueStorageHealthProbe(QueueServiceClient queues) : PingHealthProbe
{
    public override string Name => "queue";

    protected override Uri Endpoint => queues.Endpoint;

    protected override Task PingAsync(CancellationToken cancellationToken) => queues.PingAsync(cancellationToken);
}
