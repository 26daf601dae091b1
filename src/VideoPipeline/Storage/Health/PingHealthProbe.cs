using System.Diagnostics;
using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Storage.Health;

/// <summary>Healthy when the service answers one cheap authorized request within the timeout (no retries).</summary>
public abstract class PingHealthProbe : IStorageHealthProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public abstract string Name { get; }

    protected abstract Uri Endpoint { get; }

    public async Task<StorageHealth> CheckAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await this.PingAsync(timeout.Token);
            return StorageHealth.Up(this.Name, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return StorageHealth.Down(this.Name, $"no answer from {this.Endpoint} within {Timeout.TotalSeconds:0} s", clock.Elapsed);
        }
        catch (StorageRequestException e)
        {
            return StorageHealth.Down(this.Name, e.Message, clock.Elapsed);
        }
    }

    protected abstract Task PingAsync(CancellationToken cancellationToken);
}
