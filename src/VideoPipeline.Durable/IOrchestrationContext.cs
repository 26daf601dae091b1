using Microsoft.Extensions.Logging;

namespace VideoPipeline.Durable;

/// <summary>
/// What orchestrator code may touch, mirroring Durable Functions' <c>TaskOrchestrationContext</c>.
/// Orchestrators must be deterministic: time, ids and randomness come from here, all I/O happens
/// in activities, and code never blocks, sleeps or uses <c>ConfigureAwait(false)</c>.
/// </summary>
public interface IOrchestrationContext
{
    string Name { get; }

    string InstanceId { get; }

    /// <summary>Replay-safe "now": the time of the event the orchestrator is processing.</summary>
    DateTime CurrentUtcDateTime { get; }

    bool IsReplaying { get; }

    /// <summary>A GUID that is the same on every replay.</summary>
    Guid NewGuid();

    Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null);

    /// <summary>A durable delay; the only way an orchestrator may wait for time to pass.</summary>
    Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>Progress visible to clients while the orchestration runs; must be JSON-serializable.</summary>
    void SetCustomStatus(object? customStatus);

    /// <summary>A logger that stays silent while the orchestrator replays.</summary>
    ILogger CreateReplaySafeLogger(string categoryName);
}
