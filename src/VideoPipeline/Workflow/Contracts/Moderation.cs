using VideoPipeline.Domain;

namespace VideoPipeline.Workflow.Contracts;

public sealed record ModerateContentInput(string Text);

public sealed record ModerationVerdict(bool Flagged, IReadOnlyList<string> Categories, string Moderator)
{
    public IReadOnlyList<ProviderUsage> Usage { get; init; } = [];
}

/// <param name="Clips">The generated scene clips to sample.</param>
public sealed record ModerateFramesInput(IReadOnlyList<SceneClipResult> Clips, int FramesPerScene);

/// <param name="Skipped">No image moderator is configured (the offline moderator reads text only).</param>
public sealed record FrameModerationVerdict(bool Flagged, IReadOnlyList<string> Categories, IReadOnlyList<int> FlaggedScenes, string Moderator, bool Skipped)
{
    public IReadOnlyList<ProviderUsage> Usage { get; init; } = [];
}
