using Microsoft.Extensions.Options;
using VideoPipeline.Durable;
using VideoPipeline.Media;
using VideoPipeline.Providers;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Workflow.Activities;

/// <summary>Brings a finished remote clip into the asset store (streamed through a scratch file, never held in memory).</summary>
public sealed class DownloadSceneJobActivity(SceneClipCache cache, VideoJobProviders providers, IOptions<PipelineOptions> options)
    : TaskActivity<DownloadSceneJobInput, SceneClipResult>
{
    public override async Task<SceneClipResult> RunAsync(ActivityContext context, DownloadSceneJobInput input)
    {
        var ct = context.CancellationToken;
        var provider = providers.Get(input.Ticket.Provider);
        if (await cache.FindAsync(input.Scene, provider.Name, ct) is { } cached)
        {
            return cached;
        }

        using var usage = UsageLedger.Begin();
        using var workspace = MediaWorkspace.Create(options.Value.WorkDirectory, context.Name);
        var output = workspace.PathFor("clip.mp4");
        var clip = await provider.DownloadAsync(input.Ticket, output, ct);
        var result = await cache.SaveAsync(input.Scene, provider.Name, output, clip, ct);
        return result with { Usage = usage.Entries };
    }
}
