using VideoPipeline.Webhooks.EventLog;

namespace VideoPipeline.Webhooks.Delivery;

/// <summary>
/// One delivery of a logged event, with the retry schedule captured when it started: orchestrators never
/// read configuration, so a replay after a settings change decides the same way.
/// </summary>
/// <param name="Schedule">The wait before attempt n+1 at index n (see <see cref="WebhookRetrySchedule"/>).</param>
public sealed record DeliverWebhookInput(
    string OwnerId,
    string JobId,
    string EventId,
    string DeliveryId,
    WebhookDeliveryTrigger Trigger,
    DateTimeOffset CreatedAt,
    IReadOnlyList<TimeSpan> Schedule,
    TimeSpan RetryWindow)
{
    /// <summary>
    /// Where the retry window starts: the event's time for its own delivery, so events queued behind a failing
    /// one do not each get a fresh 24 h; null (a redelivery) means its first attempt.
    /// </summary>
    public DateTimeOffset? RetryWindowStart { get; init; }

    /// <summary>Set when nothing is to be sent (the job's receiver answered 410 Gone): the attempt is only recorded, with this reason.</summary>
    public string? SkipReason { get; init; }

    public WebhookDelivery ToDelivery() => new(this.DeliveryId, this.Trigger, this.CreatedAt);
}

/// <param name="FirstAttemptAt">Where the retry window started (see <see cref="DeliverWebhookInput.RetryWindowStart"/>); null for a first attempt that starts it.</param>
public sealed record SendWebhookInput(DeliverWebhookInput Delivery, int Attempt, DateTimeOffset? FirstAttemptAt);

/// <param name="FirstAttemptAt">Where the retry window starts.</param>
/// <param name="NextAttemptAt">When to try again; null when this attempt was the last (delivered, gone, refused, rejected or given up).</param>
public sealed record SendWebhookResult(WebhookDeliveryOutcome Outcome, DateTimeOffset FirstAttemptAt, DateTimeOffset? NextAttemptAt);
