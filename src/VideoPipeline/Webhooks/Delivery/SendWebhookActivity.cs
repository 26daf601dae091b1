using System.Text;
using Microsoft.Extensions.Logging;
using VideoPipeline.Webhooks.EventLog;
using VideoPipeline.Webhooks.Secrets;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Webhooks.Delivery;

/// <summary>
/// One delivery attempt: the logged body, signed with the owner's secrets of the moment (a rotation applies
/// to retries too), sent through the SSRF-guarded sender; then when to try again, and the attempt recorded
/// in the delivery log. Run again after a crash it sends again under the same <c>webhook-id</c> (receivers
/// de-duplicate) and records the attempt once.
/// </summary>
[DurableTask("SendWebhook")]
public sealed partial class SendWebhookActivity(
    JobEventLog log, WebhookSecretStore secrets, WebhookSender sender, TimeProvider time, ILogger<SendWebhookActivity> logger,
    ActivityExecution execution)
    : TaskActivity<SendWebhookInput, SendWebhookResult>
{

    public override async Task<SendWebhookResult> RunAsync(TaskActivityContext context, SendWebhookInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var delivery = input.Delivery;
        var cancellationToken = execution.CancellationToken;
        var logged = await log.GetAsync(delivery.JobId, delivery.EventId, cancellationToken);
        if (logged?.WebhookUrl is not { } url)
        {
            // Purged by retention, or a job without a webhook: nothing to send, now or later.
            LogNothingToSend(logger, delivery.EventId, delivery.DeliveryId);
            return new SendWebhookResult(WebhookDeliveryOutcome.Refused, input.FirstAttemptAt ?? time.GetUtcNow(), null);
        }

        if (delivery.SkipReason is { } skipped)
        {
            var at = time.GetUtcNow();
            await log.RecordAttemptAsync(
                delivery.JobId, delivery.EventId, delivery.ToDelivery(), new WebhookAttempt(input.Attempt, at, WebhookDeliveryOutcome.Gone, null, skipped, 0, null), cancellationToken);
            return new SendWebhookResult(WebhookDeliveryOutcome.Gone, input.FirstAttemptAt ?? at, null);
        }

        var signer = new WebhookSigner(await secrets.GetSigningSecretsAsync(logged.OwnerId, cancellationToken));
        var result = await sender.SendAsync(url, logged.Id, Encoding.UTF8.GetBytes(logged.Body), signer, cancellationToken);

        var firstAttemptAt = input.FirstAttemptAt ?? result.AttemptedAt;
        var now = time.GetUtcNow();
        var delay = result.ShouldRetry
            ? WebhookRetrySchedule.NextDelay(delivery.Schedule, delivery.RetryWindow, input.Attempt, now - firstAttemptAt, result.RetryAfter, Random.Shared.NextDouble())
            : null;
        var next = delay is { } wait ? now + wait : (DateTimeOffset?)null;

        var attempt = new WebhookAttempt(
            input.Attempt, result.AttemptedAt, result.Outcome, (int?)result.Status, result.Reason, Math.Round(result.Elapsed.TotalMilliseconds, 1), next);
        await log.RecordAttemptAsync(delivery.JobId, delivery.EventId, delivery.ToDelivery(), attempt, cancellationToken);
        if (result.Outcome != WebhookDeliveryOutcome.Delivered && next is null)
        {
            LogStopped(logger, delivery.EventId, delivery.DeliveryId, input.Attempt, result.Outcome, result.Reason);
        }

        return new SendWebhookResult(result.Outcome, firstAttemptAt, next);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Webhook {EventId} ({DeliveryId}): nothing to send (the event is not in the log or has no webhook URL)")]
    private static partial void LogNothingToSend(ILogger logger, string eventId, string deliveryId);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Webhook {EventId} ({DeliveryId}) not delivered after {Attempts} attempts: {Outcome}, {Reason}")]
    private static partial void LogStopped(ILogger logger, string eventId, string deliveryId, int attempts, WebhookDeliveryOutcome outcome, string? reason);
}
