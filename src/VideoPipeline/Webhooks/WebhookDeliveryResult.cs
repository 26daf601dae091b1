using System.Net;

namespace VideoPipeline.Webhooks;

/// <summary>One delivery attempt: the outcome, the status when there was an answer, why it failed, and the receiver's Retry-After.</summary>
public sealed record WebhookDeliveryResult(
    WebhookDeliveryOutcome Outcome,
    HttpStatusCode? Status,
    string? Reason,
    TimeSpan? RetryAfter,
    DateTimeOffset AttemptedAt,
    TimeSpan Elapsed)
{
    public bool ShouldRetry => this.Outcome == WebhookDeliveryOutcome.Failed;
}
