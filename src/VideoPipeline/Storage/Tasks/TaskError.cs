namespace VideoPipeline.Storage.Tasks;

/// <summary>Why a task failed: a stable code, a message for people, whether retrying may help, and the stage it failed in.</summary>
public sealed record TaskError(string Code, string Message, bool Retryable, string? FailedStage);
