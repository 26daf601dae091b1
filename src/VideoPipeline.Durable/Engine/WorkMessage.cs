namespace VideoPipeline.Durable.Engine;

/// <summary>
/// A unit of work on a queue: a control message for an orchestration (it becomes a history event),
/// or an activity execution request. Small JSON: payloads are references, never media.
/// </summary>
public sealed record WorkMessage
{
    /// <summary>Stable across resends of the same work, so duplicates are recognisable.</summary>
    public required string Id { get; init; }

    public required WorkMessageKind Kind { get; init; }

    public required string InstanceId { get; init; }

    /// <summary>The execution the message belongs to; messages for an earlier execution are ignored.</summary>
    public string? ExecutionId { get; init; }

    public int? TaskId { get; init; }

    /// <summary>Orchestrator, activity or event name.</summary>
    public string? Name { get; init; }

    public string? Payload { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    /// <summary>When a timer fires (TimerFired messages travel with this delay).</summary>
    public DateTime? FireAt { get; init; }

    /// <summary>The job's priority: higher runs first.</summary>
    public int Priority { get; init; }

    /// <summary>For a sub-orchestration's ExecutionStarted: where to report completion.</summary>
    public ParentInstance? Parent { get; init; }

    public DateTime CreatedAt { get; init; }

    public bool IsActivity => this.Kind == WorkMessageKind.ActivityRequest;
}

public enum WorkMessageKind
{
    ExecutionStarted,
    TaskCompleted,
    TaskFailed,
    TimerFired,
    EventRaised,
    SubOrchestrationCompleted,
    SubOrchestrationFailed,
    Terminate,
    Suspend,
    Resume,
    ActivityRequest,
}

public sealed record ParentInstance(string InstanceId, string ExecutionId, int TaskId);
