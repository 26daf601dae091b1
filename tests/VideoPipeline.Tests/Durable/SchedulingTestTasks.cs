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

/// <param name="Key">The gauge counting concurrent holders.</param>
/// <param name="Label">Recorded in start order.</param>
public sealed record HoldInput(string Key, string Label, int Milliseconds);

/// <summary>Holds a gauge for a while: shows how many run at once and in which order they started.</summary>
public sealed class Hold(ConcurrencyGauge gauge) : TaskActivity<HoldInput, string>
{
    public override async Task<string> RunAsync(ActivityContext context, HoldInput input)
    {
        using (gauge.Enter(input.Key, input.Label))
        {
            await Task.Delay(input.Milliseconds, context.CancellationToken);
        }

        return input.Label;
    }
}

/// <summary>A job that is one activity long (admission tests).</summary>
public sealed class Job : TaskOrchestrator<HoldInput, string>
{
    public override Task<string> RunAsync(IOrchestrationContext context, HoldInput input) =>
        context.CallActivityAsync<string>(nameof(Hold), input);
}

/// <summary>Runs <c>count</c> holds at once (per-activity limit tests).</summary>
public sealed class HoldMany : TaskOrchestrator<HoldInput, int>
{
    public override async Task<int> RunAsync(IOrchestrationContext context, HoldInput input)
    {
        var held = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => context.CallActivityAsync<string>(nameof(Hold), input with { Label = $"{input.Label}{i}" })));
        return held.Length;
    }
}

/// <summary>Waits for an event that may be raised before the instance has even started.</summary>
public sealed class EarlyListener : TaskOrchestrator<string?, string>
{
    public override Task<string> RunAsync(IOrchestrationContext context, string? input) =>
        context.WaitForExternalEvent<string>("hello");
}

internal static class SchedulingTasks
{
    /// <summary>A <see cref="Job"/> under a name only the run-time test starts.</summary>
    public const string TimedJob = "TimedJob";

    public static void Register(TaskRegistry registry)
    {
        EngineTasks.Register(registry);
        registry
            .AddOrchestrator<Job>(nameof(Job))
            .AddOrchestrator<Job>(TimedJob)
            .AddOrchestrator<HoldMany>(nameof(HoldMany))
            .AddOrchestrator<EarlyListener>(nameof(EarlyListener))
            .AddActivity<Hold>(nameof(Hold));
    }
}
