using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Media;
using VideoPipeline.Providers;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Activities;

/// <summary>Renders one scene with the local renderer (the offline animatic); the provider reports what it wrote.</summary>
[DurableTask("GenerateSceneClip")]
[ActivityPool(ActivityPools.Media)]
public sealed class GenerateSceneClipActivity(
    SceneClipCache cache,
    ISceneClipGenerator generator,
    IOptions<PipelineOptions> options,
    ActivityExecution execution) : TaskActivity<GenerateSceneClipInput, SceneClipResult>
{
    public override async Task<SceneClipResult> RunAsync(TaskActivityContext context, GenerateSceneClipInput input)
    {
        var ct = execution.CancellationToken;
        if (await cache.FindAsync(input, generator.Name, ct) is { } cached)
        {
            return cached;
        }

        using var usage = UsageLedger.Begin();
        using var workspace = MediaWorkspace.Create(options.Value.WorkDirectory, context.Name.Name);
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
        var clip = await generator.GenerateAsync(request, output, progress: null, ct);
        var result = await cache.SaveAsync(input, generator.Name, output, clip, ct);
        return result with
        {
            Usage = usage.Entries.Count > 0
                ? usage.Entries
                : [ProviderUsages.Local(generator.Name, "scene.render", "video_seconds", clip.DurationSeconds, clock.Elapsed)],
        };
    }
}
