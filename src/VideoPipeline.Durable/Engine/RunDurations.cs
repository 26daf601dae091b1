using System.Collections.Concurrent;

namespace VideoPipeline.Durable.Engine;

/// <summary>
/// How long instances of an orchestrator typically run (median of the latest completed ones), for
/// queue ETAs. Read from the store, so it survives restarts; cached briefly because a status poll
/// must not cost a query each time.
/// </summary>
internal sealed class RunDurations(DurableEngine engine)
{
    private const int Sample = 20;
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (DateTime At, TimeSpan? Typical)> cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<TimeSpan?> TypicalAsync(string name, CancellationToken cancellationToken)
    {
        var now = engine.UtcNow;
        if (this.cache.TryGetValue(name, out var cached) && now - cached.At < CacheFor)
        {
            return cached.Typical;
        }

        var page = await engine.Store.QueryAsync(
            new InstanceQuery { Name = name, Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = Sample }, cancellationToken);
        var runs = page.Instances
            .Where(s => s.StartedAt is not null && s.CompletedAt is not null)
            .Select(s => s.CompletedAt!.Value - s.StartedAt!.Value)
            .Order()
            .ToList();
        TimeSpan? typical = runs.Count == 0 ? null : runs[runs.Count / 2];
        this.cache[name] = (now, typical);
        return typical;
    }

    /// <summary>Forgets the cached figure (a run just finished; tests).</summary>
    public void Invalidate(string name) => this.cache.TryRemove(name, out _);
}
