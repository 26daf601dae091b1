using System.Text.Json;
using VideoPipeline.Webhooks;
using VideoPipeline.Webhooks.EventLog;

namespace VideoPipeline.Host.Api.Webhooks;

/// <summary><c>{"key":"whsec_…"}</c>, as Replicate answers <c>GET /v1/webhooks/default/secret</c>.</summary>
public sealed record WebhookSecretResponse(string Key);

public sealed record JobEventsResponse(string JobId, IReadOnlyList<JobEventEntry> Events);

/// <param name="EventId">The <c>webhook-id</c> header of every delivery of this event.</param>
/// <param name="Payload">The body each delivery sends and signs.</param>
public sealed record JobEventEntry(string EventId, long Sequence, string Type, DateTimeOffset OccurredAt, JsonElement Payload, IReadOnlyList<WebhookDeliveryEntry> Deliveries)
{
    public static JobEventEntry From(LoggedJobEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var payload = JsonDocument.Parse(e.Body);
        return new(e.Id, e.Sequence, e.Type, e.OccurredAt, payload.RootElement.Clone(), [.. e.Deliveries.Select(WebhookDeliveryEntry.From)]);
    }
}

public sealed record WebhookDeliveryEntry(
    string DeliveryId, WebhookDeliveryTrigger Trigger, WebhookDeliveryStatus Status, DateTimeOffset CreatedAt, IReadOnlyList<WebhookAttemptEntry> Attempts)
{
    public static WebhookDeliveryEntry From(WebhookDelivery d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.Trigger, d.Status, d.CreatedAt, [.. d.Attempts.Select(a => new WebhookAttemptEntry(a.Number, a.AttemptedAt, a.Outcome, a.StatusCode, a.Error, a.DurationMs, a.NextAttemptAt))]);
    }
}

/// <param name="StatusCode">The receiver's answer; null when there was none (timeout, network, refused URL).</param>
public sealed record WebhookAttemptEntry(
    int Number, DateTimeOffset AttemptedAt, WebhookDeliveryOutcome Outcome, int? StatusCode, string? Error, double DurationMs, DateTimeOffset? NextAttemptAt);
