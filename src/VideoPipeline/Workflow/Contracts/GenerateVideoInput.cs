using VideoPipeline.Domain;
using VideoPipeline.Jobs;
using VideoPipeline.Storage;

namespace VideoPipeline.Workflow.Contracts;

/// <param name="JobId">Also the orchestration instance id; names the job's final assets.</param>
/// <param name="Music">A user-supplied music bed already in the asset store; null to compose one.</param>
/// <param name="ScriptAudio">Recorded narration to transcribe into the script (seed 002's first stage).</param>
public sealed record GenerateVideoInput(string JobId, VideoRequest Request, AssetRef? Music = null, AssetRef? ScriptAudio = null)
{
    public OrchestrationSettings Settings { get; init; } = new();

    /// <summary>Whose job it is: the task record's partition and the webhook secret's owner.</summary>
    public string OwnerId { get; init; } = "local";

    public JobNotification Notification { get; init; } = new();

    /// <summary>Higher runs first among jobs waiting for a slot.</summary>
    public int Priority { get; init; }

    /// <summary>When the job was accepted: its place in line among jobs of equal priority (null: when it started).</summary>
    public DateTimeOffset? SubmittedAt { get; init; }
}
