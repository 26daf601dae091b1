namespace VideoPipeline.Durable;

/// <summary>
/// One entry of an orchestration's event-sourced history. Payloads are small JSON; media stays in
/// blobs. <see cref="TaskScheduledId"/> ties a task's completion to its scheduling (timers and
/// sub-orchestrations use it too); <see cref="MessageId"/> is the id of the message that caused the
/// event, so a duplicate delivery is recognised and never applied twice.
/// </summary>
public sealed record HistoryEvent(
    int EventId,
    string EventType,
    DateTime Timestamp,
    string? Name = null,
    int? TaskScheduledId = null,
    string? Payload = null,
    TaskFailureDetails? Failure = null)
{
    public string? MessageId { get; init; }

    /// <summary>When a timer fires (TimerCreated, TimerFired).</summary>
    public DateTime? FireAt { get; init; }

    /// <summary>The child's instance id (SubOrchestrationInstanceCreated).</summary>
    public string? InstanceId { get; init; }
}

public static class HistoryEventTypes
{
    public const string ExecutionStarted = "ExecutionStarted";
    public const string OrchestratorStarted = "OrchestratorStarted";
    public const string TaskScheduled = "TaskScheduled";
    public const string TaskCompleted = "TaskCompleted";
    public const string TaskFailed = "TaskFailed";
    public const string TimerCreated = "TimerCreated";
    public const string TimerFired = "TimerFired";
    public const string EventRaised = "EventRaised";
    public const string SubOrchestrationInstanceCreated = "SubOrchestrationInstanceCreated";
    public const string SubOrchestrationInstanceCompleted = "SubOrchestrationInstanceCompleted";
    public const string SubOrchestrationInstanceFailed = "SubOrchestrationInstanceFailed";
    public const string ExecutionSuspended = "ExecutionSuspended";
    public const string ExecutionResumed = "ExecutionResumed";
    public const string ContinuedAsNew = "ContinuedAsNew";
    public const string ExecutionCompleted = "ExecutionCompleted";
    public const string ExecutionFailed = "ExecutionFailed";
    public const string ExecutionTerminated = "ExecutionTerminated";
}
