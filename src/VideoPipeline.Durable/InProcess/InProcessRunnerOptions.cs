namespace VideoPipeline.Durable.InProcess;

/// <summary>The in-process runner reads the durable engine's scheduling settings, so both schedule alike.</summary>
public sealed class InProcessRunnerOptions
{
    public const string Section = Engine.DurableEngineOptions.Section;

    /// <summary>
    /// Activities running at once. One more than the core count by default: activities also wait on
    /// storage and process start-up, and measured on 2 cores, 3 slots beat 2 and 4.
    /// </summary>
    public int MaxConcurrentActivities { get; set; } = Environment.ProcessorCount + 1;

    /// <summary>Per-activity limits, e.g. { "GenerateSceneClip": 2 } for a GPU-bound provider.</summary>
    public Dictionary<string, int> ActivityConcurrency { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Which waiting activity runs first when a slot frees up (higher first; 0 by default; ties in
    /// scheduling order). Lets short steps that others wait on overtake long independent ones.
    /// </summary>
    public Dictionary<string, int> ActivityPriority { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Exceptions that must never be retried (set by the application, e.g. its permanent errors).</summary>
    public Func<Exception, bool> IsNonRetriable { get; set; } = static _ => false;
}
