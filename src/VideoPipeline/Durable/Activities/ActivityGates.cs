using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Durable.Activities;

/// <summary>
/// Per-activity and per-pool concurrency within one worker (<see cref="DurableTaskOptions.ActivityConcurrency"/>).
/// The media pool defaults to one per core; names and pools not configured are not limited.
/// </summary>
public sealed class ActivityGates(IOptions<DurableTaskOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim?> gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for a slot of the activity's own limit and of its pool's; dispose to free both.</summary>
    public async Task<IDisposable> EnterAsync(string name, string? pool, CancellationToken cancellationToken)
    {
        var own = this.Gate(name);
        var shared = pool is null ? null : this.Gate(pool);
        if (own is not null)
        {
            await own.WaitAsync(cancellationToken);
        }

        try
        {
            if (shared is not null)
            {
                await shared.WaitAsync(cancellationToken);
            }
        }
        catch
        {
            own?.Release();
            throw;
        }

        return new Slot(own, shared);
    }

    private SemaphoreSlim? Gate(string key) => this.gates.GetOrAdd(key, k =>
        this.Limit(k) is { } limit ? new SemaphoreSlim(Math.Max(0, limit)) : null);

    private int? Limit(string key) =>
        options.Value.ActivityConcurrency.TryGetValue(key, out var limit) ? limit
        : string.Equals(key, ActivityPools.Media, StringComparison.OrdinalIgnoreCase) ? Environment.ProcessorCount
        : null;

    private sealed class Slot(SemaphoreSlim? own, SemaphoreSlim? shared) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref this.disposed, 1) == 0)
            {
                shared?.Release();
                own?.Release();
            }
        }
    }
}
