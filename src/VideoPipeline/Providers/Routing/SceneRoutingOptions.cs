namespace VideoPipeline.Providers.Routing;

/// <summary>Which providers render scenes, in order of preference. Bound from the <c>SceneRouting</c> section.</summary>
public sealed class SceneRoutingOptions
{
    public const string Section = "SceneRouting";

    /// <summary>
    /// Provider names (<see cref="IVideoJobProvider.Name"/>, or <see cref="SceneRoutingPolicy.OfflineRenderer"/>),
    /// e.g. azure-openai/sora-2, comfyui/hunyuan-video, offline/animatic. Empty means the offline renderer only.
    /// </summary>
    public IList<string> ProviderOrder { get; set; } = [];

    /// <summary>The "reduced resolution" fallback step: each side times this (2/3 turns 1280x720 into 854x480).</summary>
    public double ReducedResolutionScale { get; set; } = 2.0 / 3;
}
