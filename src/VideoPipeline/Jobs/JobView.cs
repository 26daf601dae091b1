using System.Text.Json;
using VideoPipeline.Domain;
using VideoPipeline.Workflow;

namespace VideoPipeline.Jobs;

/// <summary>Everything a caller may know about one of its jobs, from its task record and its orchestration.</summary>
public sealed record JobView
{
    public required string JobId { get; init; }

    public required string OwnerId { get; init; }

    public required JobStatus Status { get; init; }

    /// <summary>0–100, never decreasing.</summary>
    public int Progress { get; init; }

    public string CurrentStage { get; init; } = PipelineStage.Pending;

    /// <summary>1 = next to start; null when not waiting.</summary>
    public int? QueuePosition { get; init; }

    /// <summary>Null when there is no basis for an estimate yet (no completed job of this kind).</summary>
    public DateTimeOffset? EstimatedCompletionTime { get; init; }

    public TimeSpan? EstimatedTimeRemaining { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Produced assets by role (<see cref="JobOutputs"/>), as asset ids.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    public PipelineError? Error { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The cost and time ledger's totals, once the job has finished.</summary>
    public UsageTotals? Usage { get; init; }

    public VideoRequest? Request { get; init; }

    public JsonElement? Metadata { get; init; }

    public Uri? WebhookUrl { get; init; }

    public int Priority { get; init; }

    /// <inheritdoc cref="JobSubmission.RequestHash"/>
    public string? RequestHash { get; init; }

    /// <summary>When its orchestration last recorded anything (a stage, a finished activity); null before it exists.</summary>
    public DateTimeOffset? LastUpdatedAt { get; init; }

    /// <summary>Paused on purpose (Durable suspend): not making progress, and not stalled either.</summary>
    public bool IsSuspended { get; init; }

    public bool IsFinished => this.Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;
}
