using Microsoft.DurableTask;

namespace VideoPipeline.Webhooks.Delivery;

/// <summary>
/// Orchestrator-side loop of one delivery: an attempt, and after a failed one a durable timer until the next,
/// as the attempt's result says (the schedule, Retry-After, the retry window). Timers live in the task hub,
/// so a restart while waiting loses nothing. Deterministic: every decision comes from activity results.
/// </summary>
internal static class WebhookAttempts
{
    // For the activity's own failures (the event log or secrets unreachable), not the receiver's: about half an hour.
    public static readonly TaskOptions StoreRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(10, TimeSpan.FromSeconds(5), backoffCoefficient: 2.0, maxRetryInterval: TimeSpan.FromMinutes(5)));

    public static async Task<WebhookDeliveryOutcome> DeliverAsync(TaskOrchestrationContext context, DeliverWebhookInput input)
    {
        var windowStart = input.RetryWindowStart;
        for (var attempt = 1; ; attempt++)
        {
            var result = await context.CallSendWebhookAsync(new SendWebhookInput(input, attempt, windowStart), StoreRetry);
            windowStart ??= result.FirstAttemptAt;
            if (result.NextAttemptAt is not { } next)
            {
                return result.Outcome;
            }

            await context.CreateTimer(next.UtcDateTime, CancellationToken.None);
        }
    }
}
