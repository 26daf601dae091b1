namespace VideoPipeline.Durable.Engine;

/// <summary>An instance as clients see it (Durable's <c>OrchestrationMetadata</c>).</summary>
public sealed record OrchestrationMetadata
{
    public required string InstanceId { get; init; }

    public required string Name { get; init; }

    public required OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime LastUpdatedAt { get; init; }

    /// <summary>When it started running; null while it waits for a slot.</summary>
    public DateTime? StartedAt { get; init; }

    public DateTime? CompletedAt { get; init; }

    public string? SerializedInput { get; init; }

    public string? SerializedOutput { get; init; }

    public string? SerializedCustomStatus { get; init; }

    /// <summary>The error type, message and (for activity failures) the failing activity's details.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    public int Priority { get; init; }

    public IReadOnlyList<HistoryEvent>? History { get; init; }

    public DataConverter Converter { get; init; } = JsonDataConverter.Default;

    public bool IsCompleted => this.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    public T ReadOutputAs<T>() => this.Converter.Deserialize<T>(this.SerializedOutput);

    public T? ReadCustomStatusAs<T>()
        where T : class => this.SerializedCustomStatus is null ? null : this.Converter.Deserialize<T>(this.SerializedCustomStatus);

    public T ReadInputAs<T>() => this.Converter.Deserialize<T>(this.SerializedInput);
}

public sealed record StartOrchestrationOptions
{
    /// <summary>Caller-chosen id; starting an id that exists returns it without starting again.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Higher runs first (seed 001's priority, seed 002's paid tier).</summary>
    public int Priority { get; init; }
}

/// <param name="Position">1 for the next pending orchestration to start; 0 when it is not waiting.</param>
/// <param name="Position">1 for next to start; 0 when not waiting (running or finished).</param>
/// <param name="Waiting">Instances of the same orchestrator waiting to start.</param>
/// <param name="EstimatedWait">Until it should start; null before any run of its kind has completed.</param>
public sealed record QueuePosition(int Position, int Waiting, TimeSpan? EstimatedWait);

public sealed class OrchestrationNotFoundException(string instanceId) : Exception($"No orchestration instance '{instanceId}'")
{
    public string InstanceId { get; } = instanceId;
}
