using VideoPipeline.Domain;

namespace VideoPipeline.Providers;

/// <summary>Renders one scene to a local video file of exactly the requested length, size and rate.</summary>
public interface ISceneClipGenerator
{
    /// <summary>Provider name and version; part of the scene cache key.</summary>
    string Name { get; }

    Task<GeneratedClip> GenerateAsync(SceneClipRequest request, string outputPath, IProgress<double>? progress, CancellationToken cancellationToken);
}

public sealed record SceneClipRequest
{
    public required Scene Scene { get; init; }
    public required int SceneCount { get; init; }
    public required Resolution Resolution { get; init; }
    public required int Fps { get; init; }

    /// <summary>Exact frame count; the clip is cut to it so scenes add up to the requested total.</summary>
    public required int FrameCount { get; init; }

    public string Style { get; init; } = "professional";
    public long Seed { get; init; }
}

/// <summary>What the provider wrote. Providers that download a file (Sora, ComfyUI) probe it to say.</summary>
public sealed record GeneratedClip(double DurationSeconds, int Width, int Height, bool HasAudio, string Provider);
