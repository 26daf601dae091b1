using VideoPipeline.Domain;
using VideoPipeline.Providers;

namespace VideoPipeline.Workflow.Contracts;

/// <summary>A scene for a remote provider (Sora, ComfyUI): the same facts the offline renderer gets, plus which provider.</summary>
public sealed record SubmitSceneJobInput(string Provider, GenerateSceneClipInput Scene);

/// <summary>The remote job to follow, or the clip itself when an identical one was made before.</summary>
public sealed record SceneJobSubmission(VideoJobTicket? Ticket, SceneClipResult? Cached)
{
    public IReadOnlyList<ProviderUsage> Usage { get; init; } = [];
}

public sealed record SceneJobPoll(VideoJobState State)
{
    public IReadOnlyList<ProviderUsage> Usage { get; init; } = [];
}

public sealed record DownloadSceneJobInput(VideoJobTicket Ticket, GenerateSceneClipInput Scene);

public sealed record CancelSceneJobInput(VideoJobTicket Ticket);
