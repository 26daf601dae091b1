namespace VideoPipeline.Durable.Engine;

public sealed class DurableEngineOptions
{
    public const string Section = "Durable";

    /// <summary>Names the queues and the history partition; separate hubs never see each other's work.</summary>
    public string TaskHub { get; set; } = "videofunctions";

    /// <summary>Runs dispatchers in this process; false for a host that only starts and reads orchestrations.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Activities running at once in this process (FFmpeg work: about one per core, plus one for I/O waits).</summary>
    public int MaxConcurrentActivities { get; set; } = Environment.ProcessorCount + 1;

    /// <summary>Per-activity limits, e.g. { "GenerateSceneClip": 2 } for a GPU-bound provider.</summary>
    public Dictionary<string, int> ActivityConcurrency { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Among waiting activities of equal job priority, which runs first (higher first).</summary>
    public Dictionary<string, int> ActivityPriority { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Top-level instances of an orchestrator running at once, e.g. { "GenerateVideo": 2 }; the rest
    /// wait as Pending and start by priority, then age. Unlisted orchestrators are not limited.
    /// </summary>
    public Dictionary<string, int> InstanceConcurrency { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long an orchestrator's instances are assumed to run until one has completed in this task hub, e.g.
    /// { "GenerateVideo": "00:03:00" }; after that, the median of recent runs. Unlisted: no estimate until then.
    /// </summary>
    public Dictionary<string, TimeSpan> InitialRunEstimates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Orchestrator turns in flight at once.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 8;

    /// <summary>How long a taken control message stays hidden; a turn takes milliseconds.</summary>
    public TimeSpan ControlVisibility { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a taken activity stays hidden between heartbeats; a crashed worker's activity comes back after this.</summary>
    public TimeSpan ActivityVisibility { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A message taken this many times without finishing is poison: failed, not retried forever.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Longest wait between polls of an empty queue (work sent from this process wakes it at once).</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Exceptions that must never be retried; set by the application (its permanent errors).</summary>
    public Func<Exception, bool> IsNonRetriable { get; set; } = static _ => false;
}
