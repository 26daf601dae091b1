namespace VideoPipeline.Host.Api.Jobs;

/// <summary>
/// When a running job counts as stalled: its orchestration recorded nothing (no stage, no finished activity)
/// for longer than its current stage's deadline. Bound from <c>Api:Watchdog</c>.
/// </summary>
public sealed class JobWatchdogOptions
{
    public const string Section = "Api:Watchdog";

    /// <summary>False: running jobs are never failed for want of progress.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The deadline of any stage not listed in <see cref="StageDeadlines"/>. Generous: one activity may
    /// legitimately run this long (a long final encode) without the orchestration recording anything.
    /// </summary>
    public TimeSpan StageDeadline { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Per-stage deadlines by current_stage name, e.g. { "video_generation": "02:00:00" } for a GPU provider.</summary>
    public Dictionary<string, TimeSpan> StageDeadlines { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often running jobs are scanned.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan DeadlineOf(string stage) => this.StageDeadlines.TryGetValue(stage, out var deadline) ? deadline : this.StageDeadline;
}
