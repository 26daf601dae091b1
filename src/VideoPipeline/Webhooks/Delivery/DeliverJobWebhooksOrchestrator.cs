using Microsoft.DurableTask;
using VideoPipeline.Jobs;
using VideoPipeline.Webhooks.EventLog;

namespace VideoPipeline.Webhooks.Delivery;

/// <summary>
/// Delivers one job's events to its webhook in sequence order, one at a time: event n+1 is not sent before
/// event n was delivered or given up (its retries included), so a receiver sees them in order. One instance
/// per job (<see cref="WebhookDeliveryIds.ForJob"/>), one event per execution (ContinueAsNew keeps history
/// short); done after the terminal event. A new event wakes it (<see cref="EventLogged"/>); it also reads
/// the log every <see cref="JobWebhooksInput.IdlePoll"/>, so a lost wake-up only delays. An event waits up
/// to <see cref="JobWebhooksInput.GapWait"/> for a missing earlier one (recorded concurrently, or lost).
/// </summary>
[DurableTask(Name)]
public sealed class DeliverJobWebhooksOrchestrator : TaskOrchestrator<JobWebhooksInput, WebhookDeliveryOutcome?>
{
    public const string Name = "DeliverJobWebhooks";

    /// <summary>Raised when an event of the job was logged.</summary>
    public const string EventLogged = "EventLogged";

    public override async Task<WebhookDeliveryOutcome?> RunAsync(TaskOrchestrationContext context, JobWebhooksInput input)
    {
        var next = await context.CallFindNextWebhookEventAsync(
            new FindNextWebhookEventInput(input.OwnerId, input.JobId, input.NextSequence), WebhookAttempts.StoreRetry);
        if (next is null)
        {
            await WakeUpAsync(context, input.IdlePoll);

            // Every execution starts by reading the log, so events raised before that need not be carried over.
            context.ContinueAsNew(input with { GapSince = null }, preserveUnprocessedEvents: false);
            return null;
        }

        // A terminal event comes after every other the job emitted (the job waits for them), so a gap before it is final.
        var now = context.CurrentUtcDateTime;
        if (next.Sequence > input.NextSequence && !JobEventTypes.IsTerminal(next.Type))
        {
            var since = input.GapSince ?? now;
            if (now - since < input.GapWait)
            {
                await WakeUpAsync(context, input.GapWait - (now - since));
                context.ContinueAsNew(input with { GapSince = since }, preserveUnprocessedEvents: false);
                return null;
            }
        }

        var delivery = new DeliverWebhookInput(
            input.OwnerId, input.JobId, next.EventId, WebhookDeliveryIds.ForEvent(next.EventId), WebhookDeliveryTrigger.Event, next.OccurredAt, input.Schedule, input.RetryWindow)
        {
            RetryWindowStart = next.OccurredAt,
            SkipReason = input.DisabledBy is { } gone ? $"not sent: the receiver answered 410 Gone to {gone}" : null,
        };
        var outcome = await WebhookAttempts.DeliverAsync(context, delivery);
        if (JobEventTypes.IsTerminal(next.Type))
        {
            return outcome;
        }

        context.ContinueAsNew(
            input with
            {
                NextSequence = next.Sequence + 1,
                GapSince = null,
                DisabledBy = input.DisabledBy ?? (outcome == WebhookDeliveryOutcome.Gone ? next.EventId : null),
            },
            preserveUnprocessedEvents: false);
        return outcome;
    }

    private static async Task WakeUpAsync(TaskOrchestrationContext context, TimeSpan timeout)
    {
        try
        {
            await context.WaitForExternalEvent<long>(EventLogged, timeout);
        }
        catch (TaskCanceledException)
        {
            // Read the log again anyway.
        }
    }
}
