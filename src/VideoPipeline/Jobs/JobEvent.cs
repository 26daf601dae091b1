using VideoPipeline.Workflow;

namespace VideoPipeline.Jobs;

/// <summary>
/// Something that happened to a job: what the task record is updated with, what the event log keeps
/// and what a webhook delivers. Numbered per job, so receivers can order and de-duplicate them.
/// </summary>
/// <param name="Sequence">1, 2, 3… per job, in the order the job emitted them.</param>
public sealed record JobEvent(string JobId, string OwnerId, long Sequence, string Type, DateTime OccurredAt)
{
    /// <summary>Stable across redeliveries: the Standard Webhooks <c>webhook-id</c>.</summary>
    public string EventId => $"evt_{this.JobId}_{this.Sequence}";

    public string? Stage { get; init; }

    public int Progress { get; init; }

    public PipelineError? Error { get; init; }

    /// <summary>Produced assets by role (asset ids), on success.</summary>
    public IReadOnlyDictionary<string, string>? Outputs { get; init; }

    public JobNotification? Notification { get; init; }
}
