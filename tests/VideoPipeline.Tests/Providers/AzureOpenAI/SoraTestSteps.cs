using VideoPipeline.Providers;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

/// <summary>What the orchestrator does between durable timers, without the timers: poll until the job is finished.</summary>
internal static class SoraTestSteps
{
    public static async Task<VideoJobState> PollUntilFinishedAsync(IVideoJobProvider provider, VideoJobTicket ticket)
    {
        for (var poll = 0; poll < 20; poll++)
        {
            var state = await provider.PollAsync(ticket, CancellationToken.None);
            if (state.IsFinished)
            {
                return state;
            }
        }

        throw new TimeoutException($"{ticket.JobId} did not finish in 20 polls");
    }
}
