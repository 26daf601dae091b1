namespace VideoPipeline.Durable;

/// <summary>Durable Functions' runtime statuses.</summary>
public enum OrchestrationRuntimeStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
    Suspended,
}
