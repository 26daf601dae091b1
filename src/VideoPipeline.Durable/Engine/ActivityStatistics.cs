using System.Collections.Concurrent;

namespace VideoPipeline.Durable.Engine;

/// <summary>Recent durations per activity name (exponentially weighted), for ETAs.</summary>
public sealed class ActivityStatistics
{
    private const double Weight = 0.3;
    private readonly ConcurrentDictionary<string, double> averages = new(StringComparer.OrdinalIgnoreCase);

    public void Record(string activity, TimeSpan duration) =>
        this.averages.AddOrUpdate(activity, duration.TotalSeconds, (_, old) => (old * (1 - Weight)) + (duration.TotalSeconds * Weight));

    public TimeSpan? Average(string activity) =>
        this.averages.TryGetValue(activity, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;

    public IReadOnlyDictionary<string, TimeSpan> Snapshot() =>
        this.averages.ToDictionary(p => p.Key, p => TimeSpan.FromSeconds(p.Value), StringComparer.OrdinalIgnoreCase);
}
