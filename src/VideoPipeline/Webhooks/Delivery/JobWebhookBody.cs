using System.Text.Json;
using VideoPipeline.Jobs;
using VideoPipeline.Serialization;
using VideoPipeline.Workflow;

namespace VideoPipeline.Webhooks.Delivery;

/// <summary>
/// The Standard Webhooks body of a job event: <c>{type, timestamp, data:{…}}</c> in the API's snake_case.
/// Built once when the event is logged and sent byte for byte on every attempt and redelivery, so assets
/// are asset ids, not SAS links: a link signed into the body would expire while the message is still
/// being retried or replayed; receivers get fresh links from <c>GET /api/video/jobs/{id}</c>.
/// </summary>
public static class JobWebhookBody
{
    public static string Create(JobEvent jobEvent)
    {
        ArgumentNullException.ThrowIfNull(jobEvent);
        var data = new JobWebhookData(
            jobEvent.JobId,
            jobEvent.EventId,
            jobEvent.Sequence,
            StatusOf(jobEvent.Type),
            jobEvent.Progress,
            jobEvent.Stage,
            jobEvent.Error,
            jobEvent.Outputs is { Count: > 0 } outputs ? outputs : null,
            jobEvent.Notification?.Metadata);
        return JsonSerializer.Serialize(new JobWebhookMessage(jobEvent.Type, DateTime.SpecifyKind(jobEvent.OccurredAt, DateTimeKind.Utc), data), PipelineJson.Options);
    }

    /// <summary>The job's status right after the event (seed 002's values).</summary>
    public static JobStatus StatusOf(string eventType) => eventType switch
    {
        JobEventTypes.Succeeded => JobStatus.Completed,
        JobEventTypes.Failed => JobStatus.Failed,
        JobEventTypes.Cancelled => JobStatus.Cancelled,
        _ => JobStatus.Processing,
    };
}

/// <param name="Timestamp">When the event happened (ISO 8601, UTC); the header's timestamp is the attempt's.</param>
public sealed record JobWebhookMessage(string Type, DateTime Timestamp, JobWebhookData Data);

/// <param name="Sequence">1, 2, 3… per job: receivers order the job's events by it (deliveries may overtake each other).</param>
/// <param name="Assets">On success: asset ids by role (final_video, thumbnail, audio_track, captions_srt/vtt, intermediate_render_N).</param>
/// <param name="Metadata">The caller's metadata from the request, unchanged.</param>
public sealed record JobWebhookData(
    string JobId,
    string EventId,
    long Sequence,
    JobStatus Status,
    int Progress,
    string? CurrentStage,
    PipelineError? Error,
    IReadOnlyDictionary<string, string>? Assets,
    JsonElement? Metadata);
