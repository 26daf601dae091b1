using Microsoft.DurableTask;

namespace VideoPipeline.Workflow.Manifest;

/// <summary>
/// Wall time per stage, kept by the orchestrator from the replay-safe clock: each tracked step spans from the turn
/// that scheduled it to the turn that saw it finish. Deterministic, so replays agree, and independent of the backend's history.
/// </summary>
internal sealed class StageClock(TaskOrchestrationContext context)
{
    private readonly List<(string Stage, DateTime Start, DateTime End)> spans = [];

    public async Task<T> Track<T>(string stage, Task<T> step)
    {
        var start = context.CurrentUtcDateTime;
        var result = await step;
        this.spans.Add((stage, start, context.CurrentUtcDateTime));
        return result;
    }

    /// <summary>Stages in the order they began, each from its first start to its last end, with the steps it took.</summary>
    public IReadOnlyList<StageTiming> Timings() => this.spans
        .GroupBy(s => s.Stage)
        .Select(g => (Stage: g.Key, Start: g.Min(s => s.Start), End: g.Max(s => s.End), Tasks: g.Count()))
        .OrderBy(g => g.Start)
        .Select(g => new StageTiming(g.Stage, Math.Round((g.End - g.Start).TotalSeconds, 3), g.Tasks))
        .ToList();
}
