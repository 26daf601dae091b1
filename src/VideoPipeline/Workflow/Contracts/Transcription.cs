using VideoPipeline.Domain;

using VideoPipeline.Storage;

namespace VideoPipeline.Workflow.Contracts;

public sealed record TranscribeNarrationInput(AssetRef Audio, string Language = "en", string? ModelSize = null);

/// <param name="Transcript">The full transcript (segments and timed words) as a JSON asset.</param>
/// <param name="Text">The recognized text, for use as a script.</param>
public sealed record TranscriptionResult(AssetRef Transcript, string Text, int WordCount, string Engine)
{
    public IReadOnlyList<ProviderUsage> Usage { get; init; } = [];
}
