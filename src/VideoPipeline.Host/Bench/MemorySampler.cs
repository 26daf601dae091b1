namespace VideoPipeline.Host.Bench;

/// <summary>Samples managed memory every few milliseconds on a background task and keeps the peaks.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task<(long Managed, long Heap)> sampling;

    public MemorySampler() => this.sampling = Task.Run(() => SampleAsync(this.stop.Token));

    /// <summary>Peak of GC.GetTotalMemory (live managed bytes) and of the GC heap size after a collection.</summary>
    public async Task<(long PeakManaged, long PeakHeap)> StopAsync()
    {
        await this.stop.CancelAsync();
        return await this.sampling;
    }

    public void Dispose() => this.stop.Dispose();

    private static async Task<(long Managed, long Heap)> SampleAsync(CancellationToken cancellationToken)
    {
        long managed = 0, heap = 0;
        while (true)
        {
            managed = Math.Max(managed, GC.GetTotalMemory(forceFullCollection: false));
            heap = Math.Max(heap, GC.GetGCMemoryInfo().HeapSizeBytes);
            try
            {
                await Task.Delay(5, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return (managed, heap);
            }
        }
    }
}
