namespace VideoPipeline.Webhooks.EventLog;

/// <summary>One attempt to deliver an event, as the delivery log shows it.</summary>
/// <param name="Number">1 for a delivery's first attempt.</param>
/// <param name="StatusCode">The receiver's status; null when there was no answer.</param>
/// <param name="Error">Why it was not delivered; null when it was.</param>
/// <param name="NextAttemptAt">When the next attempt is due; null when this was the last.</param>
public sealed record WebhookAttempt(
    int Number,
    DateTimeOffset AttemptedAt,
    WebhookDeliveryOutcome Outcome,
    int? StatusCode,
    string? Error,
    double DurationMs,
    DateTimeOffset? NextAttemptAt);
