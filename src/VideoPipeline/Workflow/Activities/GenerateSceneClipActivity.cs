using Microsoft.Extensions.Options;
using VideoPipeline.Media;
using VideoPipeline.Providers;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;
using VideoPipeline.Durable;

namespace VideoPipeline.Workflow.Activities;

/// <summary>
/// Renders one scene; the provider reports what it wrote. Clips are content-addressed by everything
/// that shapes them (scene, size, rate, frames, provider), so a retried or repeated scene is served
/// from the store; the result sidecar is written after the clip, so a sidecar implies a complete clip.
/// </summary>
public sealed class GenerateSceneClipActivity(
    IAssetStore store,
    ISceneClipGenerator generator,
    IOptions<PipelineOptions> options) : TaskActivity<GenerateSceneClipInput, SceneClipResult>
{
    public override async Task<SceneClipResult> RunAsync(ActivityContext context, GenerateSceneClipInput input)
    {
        var ct = context.CancellationToken;
        var key = ContentHash.Of(input.Scene, input.SceneCount, input.Resolution, input.Fps, input.FrameCount, input.Style, generator.Name);
        var asset = new AssetRef(AssetContainers.Renders, $"scenes/{key}.mp4");
        var sidecar = new AssetRef(AssetContainers.Renders, $"scenes/{key}.json");
        if (await store.ReadJsonAsync<SceneClipResult>(sidecar, ct) is { } cached)
        {
            context.Progress.Report(100);
            return cached with { SceneNumber = input.Scene.SceneNumber, CacheHit = true };
        }

        using var workspace = MediaWorkspace.Create(options.Value.WorkDirectory, context.Name);
        var output = workspace.PathFor("scene.mp4");
        var request = new SceneClipRequest
        {
            Scene = input.Scene,
            SceneCount = input.SceneCount,
            Resolution = input.Resolution,
            Fps = input.Fps,
            FrameCount = input.FrameCount,
            Style = input.Style,
            Seed = ContentHash.Seed(input.Scene.Description),
        };
        var clip = await generator.GenerateAsync(request, output, context.Progress, ct);
        var result = new SceneClipResult(
            input.Scene.SceneNumber, asset, clip.DurationSeconds, clip.Width, clip.Height, clip.HasAudio, clip.Provider, CacheHit: false);
        await store.UploadFileAsync(asset, output, ContentTypes.Mp4, cancellationToken: ct);
        await store.WriteJsonAsync(sidecar, result, ct);
        return result;
    }
}
