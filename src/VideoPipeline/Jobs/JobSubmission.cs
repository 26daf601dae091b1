using VideoPipeline.Domain;
using VideoPipeline.Storage;

namespace VideoPipeline.Jobs;

/// <summary>A generate job as a caller asks for it; files are already in the asset store.</summary>
public sealed record JobSubmission(string OwnerId, VideoRequest Request)
{
    /// <summary>Caller-chosen (idempotent: the same id is the same job); a new one when null.</summary>
    public string? JobId { get; init; }

    public AssetRef? Music { get; init; }

    public AssetRef? ScriptAudio { get; init; }

    /// <summary>Higher starts sooner (seed 001; seed 002's paid tier).</summary>
    public int Priority { get; init; }

    public JobNotification Notification { get; init; } = new();

    /// <summary>A digest of the request as the caller sent it, kept so a replay with another body can be told apart (Idempotency-Key).</summary>
    public string? RequestHash { get; init; }
}
