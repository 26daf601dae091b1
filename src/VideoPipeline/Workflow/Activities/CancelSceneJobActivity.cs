using VideoPipeline.Durable;
using VideoPipeline.Providers;

namespace VideoPipeline.Workflow.Activities;

/// <summary>Best effort: stops a remote scene job the workflow gave up on (timed out), so it stops costing.</summary>
public sealed class CancelSceneJobActivity(VideoJobProviders providers) : TaskActivity<VideoJobTicket, bool>
{
    public override async Task<bool> RunAsync(ActivityContext context, VideoJobTicket input)
    {
        await providers.Get(input.Provider).CancelAsync(input, context.CancellationToken);
        return true;
    }
}
