using System.Collections.Concurrent;

namespace VideoPipeline.Durable.Engine;

/// <summary>
/// How long instances of an orchestrator typically run (median of the latest completed ones), for queue ETAs.
/// Read from the store (so it survives restarts), then again in the background every <see cref="FreshFor"/>;
/// runs this process completes count at once, so no status poll or submit waits for that query. Until a run
/// has completed: the configured first guess (<see cref="DurableEngineOptions.InitialRunEstimates"/>).
/// </summary>
internal sealed class RunDurations(DurableEngine engine)
{
    internal static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, RefreshedInBackground<RecentRuns, CompletedRun>> runs = new(StringComparer.OrdinalIgnoreCase);

    public async Task<TimeSpan?> TypicalAsync(string name, CancellationToken cancellationToken)
    {
        var recent = await this.runs
            .GetOrAdd(name, n => new(() => this.ReadAsync(n), RecentRuns.With, r => r.InstanceId, FreshFor, TimeSpan.MaxValue))
            .GetAsync(engine.UtcNow, cancellationToken);
        return recent.Median ?? (engine.Options.InitialRunEstimates.TryGetValue(name, out var guess) ? guess : null);
    }

    /// <summary>A run this process just completed.</summary>
    public void Completed(InstanceState state)
    {
        if (state.StartedAt is { } started && state.CompletedAt is { } completed && this.runs.TryGetValue(state.Name, out var recent))
        {
            recent.Note(new CompletedRun(state.InstanceId, completed, completed - started));
        }
    }

    private async Task<RecentRuns> ReadAsync(string name)
    {
        var page = await engine.Store.QueryAsync(
            new InstanceQuery { Name = name, Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = RecentRuns.Sample }, CancellationToken.None);
        return new RecentRuns([.. page.Instances
            .Where(s => s.StartedAt is not null && s.CompletedAt is not null)
            .Select(s => new CompletedRun(s.InstanceId, s.CompletedAt!.Value, s.CompletedAt.Value - s.StartedAt!.Value))]);
    }
}

internal sealed record CompletedRun(string InstanceId, DateTime CompletedAt, TimeSpan Duration);

/// <summary>The latest <see cref="Sample"/> completed runs of one orchestrator.</summary>
internal sealed record RecentRuns(IReadOnlyList<CompletedRun> Runs)
{
    public const int Sample = 20;

    public TimeSpan? Median => this.Runs.Count == 0 ? null : this.Runs.Select(r => r.Duration).Order().ElementAt(this.Runs.Count / 2);

    public static RecentRuns With(RecentRuns recent, CompletedRun run) =>
        new([.. recent.Runs.Where(r => r.InstanceId != run.InstanceId).Append(run).OrderByDescending(r => r.CompletedAt).Take(Sample)]);
}
