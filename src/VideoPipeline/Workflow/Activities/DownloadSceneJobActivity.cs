using Microsoft.Extensions.Options;
using VideoPipeline.Media;
using VideoPipeline.Providers;
using VideoPipeline.Workflow.Contracts;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Activities;

/// <summary>Brings a finished remote clip into the asset store (streamed through a scratch file, never held in memory).</summary>
[DurableTask("DownloadSceneJob")]
[ActivityPool(ActivityPools.Media)]
public sealed class DownloadSceneJobActivity(SceneClipCache cache, VideoJobProviders providers, IOptions<PipelineOptions> options, ActivityExecution execution)
    : TaskActivity<DownloadSceneJobInput, SceneClipResult>
{
    public override async Task<SceneClipResult> RunAsync(TaskActivityContext context, DownloadSceneJobInput input)
    {
        var ct = execution.CancellationToken;
        var provider = providers.Get(input.Ticket.Provider);
        if (await cache.FindAsync(input.Scene, provider.Name, ct) is { } cached)
        {
            return cached;
        }

        using var usage = UsageLedger.Begin();
        using var workspace = MediaWorkspace.Create(options.Value.WorkDirectory, context.Name.Name);
        var output = workspace.PathFor("clip.mp4");
        var clip = await provider.DownloadAsync(input.Ticket, output, ct);
        var result = await cache.SaveAsync(input.Scene, provider.Name, output, clip, ct);
        return result with { Usage = usage.Entries };
    }
}
