using VideoPipeline.Domain;

namespace VideoPipeline.Workflow.Contracts;

public sealed record ModerateContentInput(string Text);

public sealed record ModerationVerdict(bool Flagged, IReadOnlyList<string> Categories, string Moderator)
{
    public IReadOnlyList<ProviderUsage> Usage { get; init; } = [];
}
