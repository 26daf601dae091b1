using System.Text.Json;
using System.Text.Json.Serialization;
using VideoPipeline.Domain;
using VideoPipeline.Host.Api.Durable;
using VideoPipeline.Workflow;

namespace VideoPipeline.Host.Api.Video;

/// <summary>Seed 002's generate answer (202), plus the Durable management links.</summary>
public sealed record GenerateAccepted(
    string JobId,
    string Status,
    DateTimeOffset? EstimatedCompletionTime,
    int? QueuePosition,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("statusQueryGetUri")] Uri StatusQueryGetUri,
    [property: JsonPropertyName("sendEventPostUri")] Uri SendEventPostUri,
    [property: JsonPropertyName("terminatePostUri")] Uri TerminatePostUri,
    [property: JsonPropertyName("purgeHistoryDeleteUri")] Uri PurgeHistoryDeleteUri,
    [property: JsonPropertyName("suspendPostUri")] Uri SuspendPostUri,
    [property: JsonPropertyName("resumePostUri")] Uri ResumePostUri)
{
    public static GenerateAccepted From(JobStatusBody job, DurableManagementLinks links) => new(
        job.JobId,
        job.Status,
        job.EstimatedCompletionTime,
        job.QueuePosition,
        job.JobId,
        links.StatusQueryGetUri,
        links.SendEventPostUri,
        links.TerminatePostUri,
        links.PurgeHistoryDeleteUri,
        links.SuspendPostUri,
        links.ResumePostUri);
}

/// <summary>Seed 002's job status: the seed's fields always present (null when unknown), then the extras.</summary>
public sealed record JobStatusBody
{
    public required string JobId { get; init; }

    /// <summary>pending, processing, completed, failed or cancelled.</summary>
    public required string Status { get; init; }

    public int Progress { get; init; }

    public required string CurrentStage { get; init; }

    /// <summary>Seconds; null without a basis for an estimate.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? EstimatedTimeRemaining { get; init; }

    public DateTimeOffset? EstimatedCompletionTime { get; init; }

    public int? QueuePosition { get; init; }

    public required JobAssets Assets { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public PipelineError? Error { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public UsageTotals? Usage { get; init; }

    public JsonElement? Metadata { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}

/// <summary>Seed 002's assets, each an expiring read link; null until produced.</summary>
public sealed record JobAssets
{
    public IReadOnlyList<Uri> IntermediateRenders { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Uri? AudioTrack { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Uri? FinalVideo { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public CaptionLinks? Captions { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Uri? Thumbnail { get; init; }
}

public sealed record CaptionLinks(Uri Srt, Uri Vtt);

/// <summary><c>GET /api/video/jobs</c>: one page of the caller's jobs; pass <c>continuation</c> back for the next.</summary>
public sealed record JobListBody(IReadOnlyList<JobStatusBody> Jobs, string? Continuation);
