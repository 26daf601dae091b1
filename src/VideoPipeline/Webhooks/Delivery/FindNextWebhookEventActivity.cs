using VideoPipeline.Webhooks.EventLog;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Webhooks.Delivery;

/// <summary>The job's next logged event to deliver (the lowest sequence from a given one on); null when there is none yet.</summary>
[DurableTask("FindNextWebhookEvent")]
public sealed class FindNextWebhookEventActivity(JobEventLog log, ActivityExecution execution) : TaskActivity<FindNextWebhookEventInput, NextWebhookEvent?>
{

    public override async Task<NextWebhookEvent?> RunAsync(TaskActivityContext context, FindNextWebhookEventInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var next = await log.FindFirstFromAsync(input.OwnerId, input.JobId, input.FromSequence, execution.CancellationToken);
        return next is null ? null : new NextWebhookEvent(next.Id, next.Sequence, next.Type, next.OccurredAt);
    }
}
