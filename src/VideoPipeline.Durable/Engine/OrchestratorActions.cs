namespace VideoPipeline.Durable.Engine;

/// <summary>Something the orchestrator code asked for in a turn; it becomes a history event and an outgoing message.</summary>
internal abstract record OrchestratorAction(int Id);

internal sealed record ScheduleTaskAction(int Id, string Name, string? Input) : OrchestratorAction(Id);

internal sealed record CreateTimerAction(int Id, DateTime FireAt) : OrchestratorAction(Id);

internal sealed record CreateSubOrchestrationAction(int Id, string Name, string InstanceId, string? Input) : OrchestratorAction(Id);
