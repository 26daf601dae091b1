namespace VideoPipeline.Durable.Engine;

/// <summary>Wakes a polling loop early when this process has just queued work for it.</summary>
internal sealed class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Set()
    {
        try
        {
            this.signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <returns>True when signalled, false when the wait timed out.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => this.signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => this.signal.Dispose();
}
