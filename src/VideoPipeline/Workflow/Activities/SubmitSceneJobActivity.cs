using VideoPipeline.Providers;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Activities;

/// <summary>
/// Starts a scene on a remote provider, unless the same clip was made before (then it is returned and
/// nothing is submitted, or paid for, again).
/// </summary>
[DurableTask("SubmitSceneJob")]
public sealed class SubmitSceneJobActivity(SceneClipCache cache, VideoJobProviders providers, ActivityExecution execution) : TaskActivity<SubmitSceneJobInput, SceneJobSubmission>
{
    public override async Task<SceneJobSubmission> RunAsync(TaskActivityContext context, SubmitSceneJobInput input)
    {
        var ct = execution.CancellationToken;
        var provider = providers.Get(input.Provider);
        if (await cache.FindAsync(input.Scene, provider.Name, ct) is { } cached)
        {
            return new SceneJobSubmission(null, cached);
        }

        using var usage = UsageLedger.Begin();
        var scene = input.Scene;
        var ticket = await provider.SubmitAsync(
            new SceneClipRequest
            {
                Scene = scene.Scene,
                SceneCount = scene.SceneCount,
                Resolution = scene.Resolution,
                Fps = scene.Fps,
                FrameCount = scene.FrameCount,
                Style = scene.Style,
                Seed = ContentHash.Seed(scene.Scene.Description),
            },
            ct);
        return new SceneJobSubmission(ticket, null) { Usage = usage.Entries };
    }
}
