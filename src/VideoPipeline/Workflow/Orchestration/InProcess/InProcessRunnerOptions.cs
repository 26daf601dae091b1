namespace VideoPipeline.Workflow.Orchestration.InProcess;

public sealed class InProcessRunnerOptions
{
    public const string Section = "Orchestration";

    /// <summary>Activities running at once across the whole orchestration; defaults to the core count.</summary>
    public int MaxConcurrentActivities { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Per-activity limits, e.g. { "GenerateSceneClip": 2 } for a GPU-bound provider.</summary>
    public Dictionary<string, int> ActivityConcurrency { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Exceptions that must never be retried (set by the application, e.g. its permanent errors).</summary>
    public Func<Exception, bool> IsNonRetriable { get; set; } = static _ => false;
}
