namespace VideoPipeline.Storage.Tasks;

/// <summary>The task database could not be reached; the message names it and, locally, how to start it.</summary>
public sealed class TaskStoreUnavailableException(string message, Exception inner) : Exception(message, inner);
