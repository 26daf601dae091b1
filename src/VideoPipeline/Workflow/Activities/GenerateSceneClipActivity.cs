using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Durable;
using VideoPipeline.Media;
using VideoPipeline.Providers;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Workflow.Activities;

/// <summary>Renders one scene with the local renderer (the offline animatic); the provider reports what it wrote.</summary>
public sealed class GenerateSceneClipActivity(
    SceneClipCache cache,
    ISceneClipGenerator generator,
    IOptions<PipelineOptions> options) : TaskActivity<GenerateSceneClipInput, SceneClipResult>
{
    public override async Task<SceneClipResult> RunAsync(ActivityContext context, GenerateSceneClipInput input)
    {
        var ct = context.CancellationToken;
        if (await cache.FindAsync(input, generator.Name, ct) is { } cached)
        {
            context.Progress.Report(100);
            return cached;
        }

        using var usage = UsageLedger.Begin();
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
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var clip = await generator.GenerateAsync(request, output, context.Progress, ct);
        var result = await cache.SaveAsync(input, generator.Name, output, clip, ct);
        return result with
        {
            Usage = usage.Entries.Count > 0
                ? usage.Entries
                : [ProviderUsages.Local(generator.Name, "scene.render", "video_seconds", clip.DurationSeconds, clock.Elapsed)],
        };
    }
}
