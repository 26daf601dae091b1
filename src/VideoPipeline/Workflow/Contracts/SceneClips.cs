using VideoPipeline.Domain;
using VideoPipeline.Storage;

namespace VideoPipeline.Workflow.Contracts;

public sealed record GenerateSceneClipInput(Scene Scene, int SceneCount, Resolution Resolution, int Fps, int FrameCount, string Style);

/// <summary>A generated clip and what probing it found (so later steps need not download it to know).</summary>
public sealed record SceneClipResult(
    int SceneNumber,
    AssetRef Clip,
    double DurationSeconds,
    int Width,
    int Height,
    bool HasAudio,
    string Provider,
    bool CacheHit)
{
    public IReadOnlyList<ProviderUsage> Usage { get; init; } = [];
}
