using Azure.Storage.Blobs;
using VideoPipeline.Storage.Account;

namespace VideoPipeline.Storage.Health;

public sealed class BlobStorageHealthProbe(StorageConnection connection) : PingHealthProbe
{
    private readonly BlobServiceClient blobs = connection.CreateBlobServiceClient(WithoutRetries(new BlobClientOptions()));

    public override string Name => "blob";

    protected override Uri Endpoint => connection.BlobServiceUri;

    protected override async Task PingAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in this.blobs.GetBlobContainersAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
        {
            return;
        }
    }
}
