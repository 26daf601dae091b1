using System.Text.Json.Serialization;

namespace VideoPipeline.Webhooks.EventLog;

/// <summary>One job event as the log keeps it: what happened, the exact webhook body, and every delivery of it.</summary>
public sealed record LoggedJobEvent
{
    /// <summary>The event id (<c>evt_{job}_{sequence}</c>): the document id and the <c>webhook-id</c> of every delivery.</summary>
    public required string Id { get; init; }

    /// <summary>The partition key: one job's events are read together.</summary>
    public required string JobId { get; init; }

    public required string OwnerId { get; init; }

    public required long Sequence { get; init; }

    public required string Type { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The webhook body, byte for byte what every delivery of this event sends and signs.</summary>
    public required string Body { get; init; }

    /// <summary>Where the job's events go; null when the job has no webhook.</summary>
    public Uri? WebhookUrl { get; init; }

    public IReadOnlyList<WebhookDelivery> Deliveries { get; init; } = [];

    /// <summary>Seconds until Cosmos DB purges the event, counted from its last change.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Ttl { get; init; }
}
