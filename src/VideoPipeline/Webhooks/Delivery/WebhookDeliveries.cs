using Microsoft.Extensions.Options;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VideoPipeline.Durable;
using VideoPipeline.Webhooks.EventLog;

namespace VideoPipeline.Webhooks.Delivery;

/// <summary>Starts deliveries of logged events: a job's ordered delivery, and redeliveries on request.</summary>
public sealed class WebhookDeliveries(DurableTaskClient client, JobEventLog log, IOptions<WebhookDeliveryOptions> options, TimeProvider time)
{
    /// <summary>
    /// Makes sure the job's <see cref="DeliverJobWebhooksOrchestrator"/> runs and knows about the event: starts it
    /// (it reads the log first) or wakes it. Nothing when it has finished (the job's terminal event was handled).
    /// </summary>
    public async Task StartAsync(LoggedJobEvent jobEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobEvent);
        var id = WebhookDeliveryIds.ForJob(jobEvent.JobId);
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            var settings = options.Value;
            var input = new JobWebhooksInput(
                jobEvent.OwnerId, jobEvent.JobId, NextSequence: 1, settings.Schedule(), settings.RetryWindow, settings.IdlePoll, settings.GapWait);
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(
                    DeliverJobWebhooksOrchestrator.Name, input, new StartOrchestrationOptions(id) { DedupeStatuses = Jobs.VideoJobs.AnyStartedState }, cancellationToken);
            }
            catch (OrchestrationAlreadyExistsException)
            {
                // Another event of the job started it meanwhile; it reads the log first, so it sees this one too.
                await client.RaiseEventAsync(id, DeliverJobWebhooksOrchestrator.EventLogged, jobEvent.Sequence, cancellationToken);
            }
        }
        else if (!instance.IsCompleted)
        {
            await client.RaiseEventAsync(id, DeliverJobWebhooksOrchestrator.EventLogged, jobEvent.Sequence, cancellationToken);
        }
    }

    /// <summary>Delivers the event again now, as a new delivery with its own attempts and retries (outside the job's order).</summary>
    /// <returns>The new delivery; null when the owner's job has no such event.</returns>
    /// <exception cref="NoWebhookUrlException">The job was submitted without a webhook URL.</exception>
    public async Task<WebhookDelivery?> RedeliverAsync(string ownerId, string jobId, string eventId, CancellationToken cancellationToken)
    {
        var logged = await log.GetAsync(jobId, eventId, cancellationToken);
        if (logged is null || logged.OwnerId != ownerId)
        {
            return null;
        }

        if (logged.WebhookUrl is null)
        {
            throw new NoWebhookUrlException(jobId);
        }

        var settings = options.Value;
        var input = new DeliverWebhookInput(
            logged.OwnerId, jobId, eventId, WebhookDeliveryIds.NewRedelivery(eventId), WebhookDeliveryTrigger.Redelivery, time.GetUtcNow(), settings.Schedule(), settings.RetryWindow);

        // Started first: if the log write below is lost, the delivery's first attempt adds its entry anyway.
        await client.ScheduleNewOrchestrationInstanceAsync(
            DeliverWebhookOrchestrator.Name, input, new StartOrchestrationOptions(input.DeliveryId), cancellationToken);
        await log.AddDeliveryAsync(jobId, eventId, input.ToDelivery(), cancellationToken);
        return input.ToDelivery();
    }
}

/// <summary>A redelivery of an event whose job has no webhook URL.</summary>
public sealed class NoWebhookUrlException(string jobId) : InvalidOperationException($"Job '{jobId}' has no webhook_url")
{
    public string JobId { get; } = jobId;
}
