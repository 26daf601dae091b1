using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Workflow.Tasks;

/// <summary>
/// What every processing-task orchestration needs besides its own parameters: which task record it reports to,
/// the activity retry policy, and how often the whole task may be attempted. Captured at submission, so a
/// replay after a configuration change decides the same way.
/// </summary>
public sealed record TaskRun(string TaskId, string OwnerId)
{
    public OrchestrationSettings Settings { get; init; } = new();

    /// <summary>Attempts of the whole task before it fails for good: 1 for API tasks, 5 for the blob trigger (as its poison count).</summary>
    public int MaxAttempts { get; init; } = 1;

    public double AttemptIntervalSeconds { get; init; } = 10;

    /// <summary>Where to record a blob whose attempts ran out (blob trigger only).</summary>
    public PoisonBlob? Poison { get; init; }
}

/// <summary>
/// The blob trigger's poison message, in the Functions shape (<c>webjobs-blobtrigger-poison</c>):
/// FunctionId, BlobType, ContainerName, BlobName, ETag; <paramref name="Queue"/> is where it goes.
/// </summary>
public sealed record PoisonBlob(string Queue, string FunctionId, string ContainerName, string BlobName, string ETag)
{
    /// <summary>The blob's receipt (container, name), marked poisoned so nobody reads it as a success.</summary>
    public string? ReceiptContainer { get; init; }

    public string? ReceiptName { get; init; }
}

/// <summary>What the poison record says: the blob, how many attempts failed (null when not known), and the last reason.</summary>
public sealed record PoisonBlobInput(PoisonBlob Blob, int? Attempts, string Reason);
