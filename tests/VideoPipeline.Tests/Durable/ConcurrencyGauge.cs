using VideoPipeline.Durable;

namespace VideoPipeline.Tests.Durable;

/// <summary>Counts how many holders of each key run at once, and the order they started in.</summary>
public sealed class ConcurrencyGauge
{
    private readonly Dictionary<string, (int Now, int Max)> gauges = [];
    private readonly List<string> starts = [];

    public IDisposable Enter(string key, string label)
    {
        lock (this.gauges)
        {
            var (now, max) = this.gauges.GetValueOrDefault(key);
            this.gauges[key] = (now + 1, Math.Max(max, now + 1));
            this.starts.Add(label);
        }

        return new Exit(this, key);
    }

    public int Max(string key)
    {
        lock (this.gauges)
        {
            return this.gauges.GetValueOrDefault(key).Max;
        }
    }

    public IReadOnlyList<string> Starts(string prefix)
    {
        lock (this.gauges)
        {
            return this.starts.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        }
    }

    private sealed class Exit(ConcurrencyGauge gauge, string key) : IDisposable
    {
        public void Dispose()
        {
            lock (gauge.gauges)
            {
                var (now, max) = gauge.gauges[key];
                gauge.gauges[key] = (now - 1, max);
            }
        }
    }
}
