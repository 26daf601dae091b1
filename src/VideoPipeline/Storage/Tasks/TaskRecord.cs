using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoPipeline.Storage.Tasks;

/// <summary>
/// One job or task, as stored in Cosmos DB (camelCase JSON, partition key <c>/ownerId</c>). It unifies the
/// seeds' Job, job status and tasks table.
/// </summary>
public sealed record TaskRecord
{
    public required string Id { get; init; }

    /// <summary>The user or tenant that owns the task; the partition key.</summary>
    public required string OwnerId { get; init; }

    public required TaskRecordType Type { get; init; }

    public TaskRecordStatus Status { get; init; } = TaskRecordStatus.Pending;

    /// <summary>Higher runs sooner; 0 is normal.</summary>
    public int Priority { get; init; }

    /// <summary>0-100, never decreasing (the store keeps the highest value written).</summary>
    public int Progress { get; init; }

    public string? CurrentStage { get; init; }

    /// <summary>The request that started the task, as JSON.</summary>
    public JsonElement? Input { get; init; }

    /// <summary>A digest of the request as the caller sent it: tells an Idempotency-Key replay (same body) from a conflict.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RequestHash { get; init; }

    /// <summary>Produced assets by role, e.g. "final" → "final/t-42/final.mp4" (asset ids, never bytes).</summary>
    public IReadOnlyDictionary<string, string> Output { get; init; } = new Dictionary<string, string>();

    public TaskError? Error { get; init; }

    /// <summary>The highest job event sequence recorded; an event from outside (a cancel) follows it and the orchestration's own.</summary>
    public long LastEventSequence { get; init; }

    public int RetryCount { get; init; }

    public int MaxRetries { get; init; } = 3;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Soft-deleted: hidden from reads and lists until restored; purged by <see cref="Ttl"/>.</summary>
    public bool IsDeleted { get; init; }

    /// <summary>Seconds until Cosmos DB purges the record; absent means never (set on soft delete).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Ttl { get; init; }

    /// <summary>The version this copy was read at; guards the next write. Not stored in the document.</summary>
    [JsonIgnore]
    public string? ETag { get; init; }
}
