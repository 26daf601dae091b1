namespace VideoPipeline.Durable.Engine;

/// <summary>
/// Where instances and their history live. <see cref="CommitAsync"/> is the only write during a turn:
/// the new history chunk is written under a fresh name first, then the instance document is replaced
/// if its ETag still matches; a history chunk counts only once that replace has succeeded.
/// </summary>
public interface IOrchestrationStore
{
    Task<InstanceState?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>The committed history of the instance's current execution, in order.</summary>
    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(InstanceState instance, CancellationToken cancellationToken);

    /// <summary>Stores a new instance and returns it with its ETag; null when one with that id exists already.</summary>
    Task<InstanceState?> TryCreateAsync(InstanceState instance, CancellationToken cancellationToken);

    /// <summary>Appends <paramref name="newEvents"/> as one chunk and replaces the instance document.</summary>
    /// <exception cref="OrchestrationConcurrencyException">Someone else committed since <paramref name="updated"/>.ETag.</exception>
    Task<InstanceState> CommitAsync(InstanceState updated, IReadOnlyList<HistoryEvent> newEvents, CancellationToken cancellationToken);

    /// <summary>Deletes the history of one (finished) execution of the instance.</summary>
    Task DeleteHistoryAsync(string instanceId, string executionId, CancellationToken cancellationToken);

    Task<InstancePage> QueryAsync(InstanceQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes the instance and all its history; false when there was none.</summary>
    Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken);
}

public sealed record InstanceQuery
{
    /// <summary>Orchestrator name, exact.</summary>
    public string? Name { get; init; }

    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }

    public DateTime? CreatedFrom { get; init; }

    public DateTime? CreatedTo { get; init; }

    public string? InstanceIdPrefix { get; init; }

    public int PageSize { get; init; } = 100;

    public string? ContinuationToken { get; init; }
}

public sealed record InstancePage(IReadOnlyList<InstanceState> Instances, string? ContinuationToken);

public sealed class OrchestrationConcurrencyException(string instanceId)
    : Exception($"Instance {instanceId} was committed by another worker");
