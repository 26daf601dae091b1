namespace VideoPipeline.Webhooks.Delivery;

/// <summary>Delivery ids (the delivery log's) and the ids of the orchestrations that make them.</summary>
public static class WebhookDeliveryIds
{
    /// <summary>The event's own delivery: derived from the event id, so publishing the event again adds nothing.</summary>
    public static string ForEvent(string eventId) => $"{eventId}.delivery";

    /// <summary>A delivery someone asked for: always a new one (also its DeliverWebhook instance id).</summary>
    public static string NewRedelivery(string eventId) => $"{eventId}.redelivery.{Guid.NewGuid():N}";

    /// <summary>The instance id of the job's <see cref="DeliverJobWebhooksOrchestrator"/>: one per job.</summary>
    public static string ForJob(string jobId) => $"webhooks_{jobId}";
}
