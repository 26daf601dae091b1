using System.Diagnostics;
using Azure;
using Azure.Core;

namespace VideoPipeline.Storage.Health;

/// <summary>Healthy when the service answers one cheap authorized request (list one item) within the timeout, without retries.</summary>
public abstract class PingHealthProbe : IStorageHealthProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

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
        catch (RequestFailedException e)
        {
            return StorageHealth.Down(this.Name, e.Status == 0 ? $"{this.Endpoint} is not reachable ({e.Message.Split('\n')[0].Trim()})" : $"{e.Status} {e.ErrorCode}".TrimEnd(), clock.Elapsed);
        }
    }

    /// <summary>One attempt: a probe reports what it sees now instead of waiting out a retry schedule.</summary>
    protected static T WithoutRetries<T>(T options)
        where T : ClientOptions
    {
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = Timeout;
        return options;
    }

    protected abstract Task PingAsync(CancellationToken cancellationToken);
}
