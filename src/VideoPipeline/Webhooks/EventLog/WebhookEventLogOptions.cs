namespace VideoPipeline.Webhooks.EventLog;

/// <summary>The per-job event log (replay and delivery log). Bound from the <c>Webhooks:EventLog</c> section.</summary>
public sealed class WebhookEventLogOptions
{
    public const string Section = "Webhooks:EventLog";

    /// <summary>Cosmos DB container (in the task store's database), partition key <c>/jobId</c>.</summary>
    public string Container { get; set; } = "job-events";

    /// <summary>How long an event is kept after its last change (Cosmos DB time to live); longer than a delivery's retry window.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}
