using Microsoft.DurableTask;

namespace VideoPipeline.Webhooks.Delivery;

/// <summary>
/// One stand-alone delivery of a logged event (a redelivery someone asked for), retried on durable timers.
/// An event's own delivery runs inside its job's <see cref="DeliverJobWebhooksOrchestrator"/>, in order.
/// </summary>
[DurableTask(Name)]
public sealed class DeliverWebhookOrchestrator : TaskOrchestrator<DeliverWebhookInput, WebhookDeliveryOutcome>
{
    public const string Name = "DeliverWebhook";

    public override Task<WebhookDeliveryOutcome> RunAsync(TaskOrchestrationContext context, DeliverWebhookInput input) =>
        WebhookAttempts.DeliverAsync(context, input);
}
