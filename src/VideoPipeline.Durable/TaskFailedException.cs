namespace VideoPipeline.Durable;

/// <summary>Thrown into orchestrator code when an activity fails after its retries.</summary>
public sealed class TaskFailedException(string taskName, TaskFailureDetails failureDetails)
    : Exception($"Task '{taskName}' failed: {failureDetails.ErrorType}: {failureDetails.ErrorMessage}")
{
    public string TaskName { get; } = taskName;

    public TaskFailureDetails FailureDetails { get; } = failureDetails;
}
