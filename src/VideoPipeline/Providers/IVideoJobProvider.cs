namespace VideoPipeline.Providers;

/// <summary>
/// A remote, asynchronous video generator (Sora on Azure OpenAI, HunyuanVideo on ComfyUI). Each call is
/// short: the workflow submits, then polls with durable timers between calls, then downloads. Nothing
/// blocks a thread while the remote job runs for minutes.
/// </summary>
public interface IVideoJobProvider
{
    /// <summary>Provider and model, e.g. "azure-openai/sora-2"; recorded in the manifest and cache keys.</summary>
    string Name { get; }

    /// <exception cref="Domain.PermanentPipelineException">The request was refused for good (bad size, content filter).</exception>
    /// <exception cref="Domain.TransientPipelineException">Throttled (429), busy or unreachable; worth retrying.</exception>
    Task<VideoJobTicket> SubmitAsync(SceneClipRequest request, CancellationToken cancellationToken);

    Task<VideoJobState> PollAsync(VideoJobTicket ticket, CancellationToken cancellationToken);

    /// <summary>Writes the finished clip to <paramref name="outputPath"/> and reports what it is (probed).</summary>
    Task<GeneratedClip> DownloadAsync(VideoJobTicket ticket, string outputPath, CancellationToken cancellationToken);

    /// <summary>Best effort: stops the remote job (ComfyUI /interrupt, Sora job delete).</summary>
    Task CancelAsync(VideoJobTicket ticket, CancellationToken cancellationToken);
}

/// <summary>What the workflow keeps between calls (small JSON): which provider, which remote job, and provider data.</summary>
public sealed record VideoJobTicket(string Provider, string JobId)
{
    /// <summary>Provider-specific facts needed later, e.g. the deployment that accepted the job.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
}

public sealed record VideoJobState(VideoJobPhase Phase, int? Progress = null, string? FailureReason = null)
{
    /// <summary>How long to wait before polling again, when the service says (Retry-After) or the provider knows.</summary>
    public TimeSpan? PollAfter { get; init; }

    /// <summary>While queued, the job's place in the provider's queue (1 = next to run), when the provider tells.</summary>
    public int? QueuePosition { get; init; }

    public bool IsFinished => this.Phase is VideoJobPhase.Succeeded or VideoJobPhase.Failed or VideoJobPhase.Cancelled;
}

public enum VideoJobPhase
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
