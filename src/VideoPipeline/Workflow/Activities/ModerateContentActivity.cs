using VideoPipeline.Providers;
using VideoPipeline.Workflow.Contracts;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Activities;

/// <summary>Pre-generation check of the prompt; the orchestrator fails the job when it is flagged.</summary>
[DurableTask("ModerateContent")]
public sealed class ModerateContentActivity(IContentModerator moderator, ActivityExecution execution) : TaskActivity<ModerateContentInput, ModerationVerdict>
{
    public override async Task<ModerationVerdict> RunAsync(TaskActivityContext context, ModerateContentInput input)
    {
        using var usage = UsageLedger.Begin();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await moderator.CheckTextAsync(input.Text, execution.CancellationToken);
        return new ModerationVerdict(result.Flagged, result.Categories, moderator.Name)
        {
            Usage = usage.Entries.Count > 0 ? usage.Entries : [ProviderUsages.Local(moderator.Name, "moderation.check", "characters", input.Text.Length, clock.Elapsed)],
        };
    }
}
