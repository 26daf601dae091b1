using VideoPipeline.Durable;
using VideoPipeline.Webhooks.EventLog;

namespace VideoPipeline.Webhooks.Delivery;

/// <summary>The job's next logged event to deliver (the lowest sequence from a given one on); null when there is none yet.</summary>
public sealed class FindNextWebhookEventActivity(JobEventLog log) : TaskActivity<FindNextWebhookEventInput, NextWebhookEvent?>
{
    public const string Name = "FindNextWebhookEvent";

    public override async Task<NextWebhookEvent?> RunAsync(ActivityContext context, FindNextWebhookEventInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var next = await log.FindFirstFromAsync(input.OwnerId, input.JobId, input.FromSequence, context.CancellationToken);
        return next is null ? null : new NextWebhookEvent(next.Id, next.Sequence, next.Type, next.OccurredAt);
    }
}
