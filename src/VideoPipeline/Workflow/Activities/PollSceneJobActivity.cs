using VideoPipeline.Durable;
using VideoPipeline.Providers;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Workflow.Activities;

/// <summary>One look at a remote scene job; the orchestrator waits on a durable timer between looks.</summary>
public sealed class PollSceneJobActivity(VideoJobProviders providers) : TaskActivity<VideoJobTicket, SceneJobPoll>
{
    public override async Task<SceneJobPoll> RunAsync(ActivityContext context, VideoJobTicket input)
    {
        using var usage = UsageLedger.Begin();
        var state = await providers.Get(input.Provider).PollAsync(input, context.CancellationToken);
        return new SceneJobPoll(state) { Usage = usage.Entries };
    }
}
