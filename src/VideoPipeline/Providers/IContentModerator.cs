namespace VideoPipeline.Providers;

/// <summary>Pre-generation check of user text.</summary>
public interface IContentModerator
{
    string Name { get; }

    Task<ModerationResult> CheckTextAsync(string text, CancellationToken cancellationToken);
}

public sealed record ModerationResult(bool Flagged, IReadOnlyList<string> Categories);
