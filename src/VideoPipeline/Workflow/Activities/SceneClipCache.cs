using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Workflow.Activities;

/// <summary>
/// Scene clips by everything that shapes them (scene, size, rate, frames, style, provider): a retried or
/// repeated scene is served from the store whichever provider made it. The result sidecar is written
/// after the clip, so a sidecar implies a complete clip.
/// </summary>
public sealed class SceneClipCache(IAssetStore store)
{
    public async Task<SceneClipResult?> FindAsync(GenerateSceneClipInput input, string provider, CancellationToken cancellationToken)
    {
        var (_, sidecar) = Names(input, provider);
        return await store.ReadJsonAsync<SceneClipResult>(sidecar, cancellationToken) is { } cached
            ? cached with { SceneNumber = input.Scene.SceneNumber, CacheHit = true, Usage = [] }
            : null;
    }

    /// <summary>Stores the clip file and its description; returns the description.</summary>
    public async Task<SceneClipResult> SaveAsync(
        GenerateSceneClipInput input, string provider, string path, Providers.GeneratedClip clip, CancellationToken cancellationToken)
    {
        var (asset, sidecar) = Names(input, provider);
        var result = new SceneClipResult(input.Scene.SceneNumber, asset, clip.DurationSeconds, clip.Width, clip.Height, clip.HasAudio, clip.Provider, CacheHit: false);
        await store.UploadFileAsync(asset, path, ContentTypes.Mp4, cancellationToken: cancellationToken);
        await store.WriteJsonAsync(sidecar, result, cancellationToken);
        return result;
    }

    private static (AssetRef Clip, AssetRef Sidecar) Names(GenerateSceneClipInput input, string provider)
    {
        var key = ContentHash.Of(input.Scene, input.SceneCount, input.Resolution, input.Fps, input.FrameCount, input.Style, provider);
        return (new AssetRef(AssetContainers.Renders, $"scenes/{key}.mp4"), new AssetRef(AssetContainers.Renders, $"scenes/{key}.json"));
    }
}
