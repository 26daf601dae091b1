namespace VideoPipeline.Durable;

/// <summary>
/// One entry of an orchestration's event-sourced history (ExecutionStarted, TaskScheduled,
/// TaskCompleted, TaskFailed, TimerCreated, TimerFired, ExecutionCompleted, ExecutionFailed, ...).
/// Payloads are small JSON; media stays in blobs.
/// </summary>
public sealed record HistoryEvent(
    int EventId,
    string EventType,
    DateTime Timestamp,
    string? Name = null,
    int? TaskScheduledId = null,
    string? Payload = null,
    TaskFailureDetails? Failure = null);

public static class HistoryEventTypes
{
    public const string ExecutionStarted = "ExecutionStarted";
    public const string TaskScheduled = "TaskScheduled";
    public const string TaskCompleted = "TaskCompleted";
    public const string TaskFailed = "TaskFailed";
    public const string TimerCreated = "TimerCreated";
    public const string TimerFired = "TimerFired";
    public const string ExecutionCompleted = "ExecutionCompleted";
    public const string ExecutionFailed = "ExecutionFailed";
    public const string ExecutionTerminated = "ExecutionTerminated";
}
