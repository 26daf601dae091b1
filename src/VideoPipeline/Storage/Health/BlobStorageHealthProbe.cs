using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Storage.Health;

public sealed class BlobStorageHealthProbe(BlobServiceClient blobs) : PingHealthProbe
{
    public override string Name => "blob";

    protected override Uri Endpoint => blobs.Endpoint;

    protected override Task PingAsync(CancellationToken cancellationToken) => blobs.PingAsync(cancellationToken);
}
