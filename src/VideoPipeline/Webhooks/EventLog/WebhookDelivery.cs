using System.Text.Json.Serialization;

namespace VideoPipeline.Webhooks.EventLog;

/// <summary>One delivery of an event (the first, or a redelivery someone asked for) and its attempts so far.</summary>
/// <param name="Id">Also the id of the DeliverWebhook orchestration that makes the attempts.</param>
public sealed record WebhookDelivery(string Id, WebhookDeliveryTrigger Trigger, DateTimeOffset CreatedAt)
{
    /// <summary>In attempt order; an attempt made twice (an activity re-run) is kept once.</summary>
    public IReadOnlyList<WebhookAttempt> Attempts { get; init; } = [];

    [JsonIgnore]
    public WebhookDeliveryStatus Status => this.Attempts.Count == 0
        ? WebhookDeliveryStatus.Pending
        : this.Attempts[^1] switch
        {
            { Outcome: WebhookDeliveryOutcome.Delivered } => WebhookDeliveryStatus.Delivered,
            { Outcome: WebhookDeliveryOutcome.Gone } => WebhookDeliveryStatus.Gone,
            { Outcome: WebhookDeliveryOutcome.Refused } => WebhookDeliveryStatus.Refused,
            { Outcome: WebhookDeliveryOutcome.Rejected } => WebhookDeliveryStatus.Rejected,
            { NextAttemptAt: not null } => WebhookDeliveryStatus.Retrying,
            _ => WebhookDeliveryStatus.Failed,
        };

    /// <summary>This delivery with <paramref name="attempt"/> recorded (replacing an earlier record of the same attempt).</summary>
    public WebhookDelivery With(WebhookAttempt attempt) =>
        this with { Attempts = [.. this.Attempts.Where(a => a.Number != attempt.Number).Append(attempt).OrderBy(a => a.Number)] };
}

/// <summary>What started a delivery.</summary>
public enum WebhookDeliveryTrigger
{
    /// <summary>The event happened.</summary>
    Event,

    /// <summary>The owner asked for it again (<c>POST …/events/{eventId}/redeliver</c>).</summary>
    Redelivery,
}

/// <summary>Where a delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>No attempt yet.</summary>
    Pending,

    /// <summary>The last attempt failed; another is scheduled (its time is the attempt's <c>next_attempt_at</c>).</summary>
    Retrying,

    Delivered,

    /// <summary>Every attempt failed and the retry window is over.</summary>
    Failed,

    /// <summary>The receiver answered 410 Gone: no more attempts.</summary>
    Gone,

    /// <summary>The receiver answered a 4xx that is not worth retrying (not 408, 409, 425 or 429): no more attempts.</summary>
    Rejected,

    /// <summary>The URL is not allowed (scheme, non-public address): no more attempts.</summary>
    Refused,
}
