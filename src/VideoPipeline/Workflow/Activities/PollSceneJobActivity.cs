using VideoPipeline.Providers;
using VideoPipeline.Workflow.Contracts;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Activities;

/// <summary>One look at a remote scene job; the orchestrator waits on a durable timer between looks.</summary>
[DurableTask("PollSceneJob")]
public sealed class PollSceneJobActivity(VideoJobProviders providers, ActivityExecution execution) : TaskActivity<VideoJobTicket, SceneJobPoll>
{
    public override async Task<SceneJobPoll> RunAsync(TaskActivityContext context, VideoJobTicket input)
    {
        using var usage = UsageLedger.Begin();
        var state = await providers.Get(input.Provider).PollAsync(input, execution.CancellationToken);
        return new SceneJobPoll(state) { Usage = usage.Entries };
    }
}
