using VideoPipeline.Providers;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Activities;

/// <summary>Best effort: stops a remote scene job the workflow gave up on (timed out), so it stops costing.</summary>
[DurableTask("CancelSceneJob")]
public sealed class CancelSceneJobActivity(VideoJobProviders providers, ActivityExecution execution) : TaskActivity<VideoJobTicket, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, VideoJobTicket input)
    {
        await providers.Get(input.Provider).CancelAsync(input, execution.CancellationToken);
        return true;
    }
}
