using System.Text.Json.Serialization;

namespace VideoPipeline.Durable.Engine;

/// <summary>
/// An orchestration instance's status document: what clients read, and the commit point of every
/// turn (ETag-guarded). History lives beside it in chunks, one per committed turn.
/// </summary>
public sealed record InstanceState
{
    public required string InstanceId { get; init; }

    public required string Name { get; init; }

    /// <summary>Changes on ContinueAsNew and restart; history belongs to one execution.</summary>
    public required string ExecutionId { get; init; }

    public OrchestrationRuntimeStatus Status { get; init; } = OrchestrationRuntimeStatus.Pending;

    public string? Input { get; init; }

    public string? Output { get; init; }

    public string? CustomStatus { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime LastUpdatedAt { get; init; }

    /// <summary>When the current execution started running (null while it waits to start).</summary>
    public DateTime? StartedAt { get; init; }

    public DateTime? CompletedAt { get; init; }

    public int Priority { get; init; }

    public ParentInstance? Parent { get; init; }

    /// <summary>Committed history events of the current execution.</summary>
    public int HistoryCount { get; init; }

    /// <summary>The committed history chunks of the current execution, in order.</summary>
    public IReadOnlyList<string> Chunks { get; init; } = [];

    /// <summary>
    /// Messages this commit must send. Written with the commit and sent after it, so a crash between
    /// the two resends them instead of losing them; duplicates are recognised on receipt.
    /// </summary>
    public IReadOnlyList<WorkMessage> Outbox { get; init; } = [];

    /// <summary>Messages held while the instance is suspended.</summary>
    public IReadOnlyList<WorkMessage> Buffered { get; init; } = [];

    [JsonIgnore]
    public string? ETag { get; init; }

    [JsonIgnore]
    public bool IsTerminal => this.Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
