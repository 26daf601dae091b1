using VideoPipeline.Jobs;
using VideoPipeline.Webhooks.EventLog;

namespace VideoPipeline.Webhooks.Delivery;

/// <summary>
/// Appends every job event to the job's event log and, when the job has a webhook URL, starts the event's
/// delivery. Published at least once per event: the log keeps the first copy and the delivery's instance id
/// is derived from the event id, so a repeated publish delivers nothing twice.
/// </summary>
public sealed class WebhookJobEventSink(JobEventLog log, WebhookDeliveries deliveries, TimeProvider time) : IJobEventSink
{
    public async Task PublishAsync(JobEvent jobEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobEvent);
        var url = jobEvent.Notification?.WebhookUrl;
        var logged = await log.AppendAsync(
            new LoggedJobEvent
            {
                Id = jobEvent.EventId,
                JobId = jobEvent.JobId,
                OwnerId = jobEvent.OwnerId,
                Sequence = jobEvent.Sequence,
                Type = jobEvent.Type,
                OccurredAt = new DateTimeOffset(DateTime.SpecifyKind(jobEvent.OccurredAt, DateTimeKind.Utc)),
                Body = JobWebhookBody.Create(jobEvent),
                WebhookUrl = url,

                // Listed (pending) from the start, so the log shows a delivery whose first attempt still waits for a worker.
                Deliveries = url is null ? [] : [new WebhookDelivery(WebhookDeliveryIds.ForEvent(jobEvent.EventId), WebhookDeliveryTrigger.Event, time.GetUtcNow())],
            },
            cancellationToken);

        // Also when the event was logged before: that publish may have stopped before starting the delivery.
        if (logged.WebhookUrl is not null)
        {
            await deliveries.StartAsync(logged, cancellationToken);
        }
    }
}
