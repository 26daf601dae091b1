namespace VideoPipeline.Workflow;

public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Scratch space for activities; each execution gets its own folder, removed afterwards.</summary>
    public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "videofunctions");

    /// <summary>Seconds of silence before a scene's narration starts.</summary>
    public double NarrationLeadSeconds { get; set; } = 0.25;

    /// <summary>Seconds kept clear at the end of a scene, so narration never runs into the next one.</summary>
    public double NarrationTailSeconds { get; set; } = 0.2;

    /// <summary>Retry policy of activities (seed 002: 3 attempts, 5 s first interval, at most 5 min).</summary>
    public int RetryMaxAttempts { get; set; } = 3;

    public TimeSpan RetryFirstInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A remote clip job (Sora, ComfyUI) still unfinished after this is cancelled and counted as failed.</summary>
    public TimeSpan RemoteClipTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Between polls of a remote clip job, when the provider does not say (Retry-After); a durable timer, no thread waits.</summary>
    public TimeSpan RemoteClipPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Frames per generated scene sent to the image moderator after generation; 0 turns the post-check off.</summary>
    public int FrameCheckFramesPerScene { get; set; }
    /// <summary>job.progress events (webhooks): one per stage change or this many percentage points.</summary>
    public int ProgressEventStep { get; set; } = 10;

    /// <summary>job.progress events (webhooks): at most one per this interval (zero: no time limit); terminal events always go.</summary>
    public TimeSpan ProgressEventMinInterval { get; set; } = TimeSpan.Zero;
}
