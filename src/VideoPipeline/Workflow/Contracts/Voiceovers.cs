using VideoPipeline.Domain;
using VideoPipeline.Storage;

namespace VideoPipeline.Workflow.Contracts;

public sealed record SynthesizeVoiceoverInput(int SceneNumber, string Text, VoiceSettings Voice, double MaxDurationSeconds);

/// <param name="Applied">Voice settings that took effect.</param>
/// <param name="Ignored">Voice settings the engine could not honour (recorded, never silently dropped).</param>
public sealed record VoiceoverResult(
    int SceneNumber,
    AssetRef Audio,
    double DurationSeconds,
    string Voice,
    IReadOnlyList<string> Applied,
    IReadOnlyList<string> Ignored,
    bool CacheHit)
{
    public IReadOnlyList<ProviderUsage> Usage { get; init; } = [];
}
