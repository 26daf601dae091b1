using System.Diagnostics;
using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Storage.Health;

/// <summary>Healthy when the Blob service answers an authorized request within the timeout.</summary>
public sealed class BlobStorageHealthProbe(BlobServiceClient blobs) : IStorageHealthProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public string Name => "blob";

    public async Task<StorageHealth> CheckAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await blobs.PingAsync(timeout.Token);
            return StorageHealth.Up(this.Name, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return StorageHealth.Down(this.Name, $"no answer from {blobs.Endpoint} within {Timeout.TotalSeconds:0} s", clock.Elapsed);
        }
        catch (StorageRequestException e)
        {
            return StorageHealth.Down(this.Name, e.Message, clock.Elapsed);
        }
    }
}
