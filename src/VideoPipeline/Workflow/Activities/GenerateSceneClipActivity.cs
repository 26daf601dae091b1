using System.Globalization;
using Microsoft.Extensions.Options;
using VideoPipeline.Media;
using VideoPipeline.Providers;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;
using VideoPipeline.Workflow.Orchestration;

namespace VideoPipeline.Workflow.Activities;

/// <summary>
/// Renders one scene. Clips are content-addressed by everything that shapes them (scene, size,
/// rate, frames, provider), so a retried or repeated scene is served from the store.
/// </summary>
public sealed class GenerateSceneClipActivity(IAssetStore store, ISceneClipGenerator generator, IOptions<PipelineOptions> options)
    : TaskActivity<GenerateSceneClipInput, SceneClipResult>
{
    public override async Task<SceneClipResult> RunAsync(ActivityContext context, GenerateSceneClipInput input)
    {
        var key = ContentHash.Of(input.Scene, input.SceneCount, input.Resolution, input.Fps, input.FrameCount, input.Style, generator.Name);
        var asset = new AssetRef(AssetContainers.Renders, $"scenes/{key}.mp4");
        if (await store.GetPropertiesAsync(asset, context.CancellationToken) is { } cached)
        {
            context.Progress.Report(100);
            return new SceneClipResult(
                input.Scene.SceneNumber, asset, ReadDouble(cached.Metadata, "duration"), cached.Metadata.GetValueOrDefault("has_audio") == "true",
                cached.Metadata.GetValueOrDefault("provider", generator.Name), CacheHit: true);
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
        var clip = await generator.GenerateAsync(request, output, context.Progress, context.CancellationToken);
        await store.UploadFileAsync(asset, output, ContentTypes.Mp4, new Dictionary<string, string>
        {
            ["duration"] = clip.DurationSeconds.ToString("R", CultureInfo.InvariantCulture),
            ["has_audio"] = clip.HasAudio ? "true" : "false",
            ["provider"] = clip.Provider,
        }, context.CancellationToken);
        return new SceneClipResult(input.Scene.SceneNumber, asset, clip.DurationSeconds, clip.HasAudio, clip.Provider, CacheHit: false);
    }

    private static double ReadDouble(IReadOnlyDictionary<string, string> metadata, string key) =>
        double.TryParse(metadata.GetValueOrDefault(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
