using Microsoft.Extensions.Logging;

namespace VideoPipeline.Durable;

/// <summary>
/// What orchestrator code may touch, mirroring Durable Functions' <c>TaskOrchestrationContext</c>.
/// Orchestrators must be deterministic: time, ids and randomness come from here, all I/O happens
/// in activities, and code never blocks, sleeps or uses <c>ConfigureAwait(false)</c>. The code is
/// replayed from the start on every turn; <see cref="IsReplaying"/> tells which part is a replay.
/// </summary>
public interface IOrchestrationContext
{
    string Name { get; }

    string InstanceId { get; }

    /// <summary>Replay-safe "now": the time of the turn the orchestrator is processing.</summary>
    DateTime CurrentUtcDateTime { get; }

    bool IsReplaying { get; }

    T GetInput<T>();

    /// <summary>A GUID that is the same on every replay.</summary>
    Guid NewGuid();

    Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null);

    Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>A durable delay; the only way an orchestrator may wait for time to pass.</summary>
    Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>Waits for an event raised by a client; <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan? timeout = null);

    /// <summary>Progress visible to clients while the orchestration runs; must be JSON-serializable.</summary>
    void SetCustomStatus(object? customStatus);

    /// <summary>Ends this execution and starts the orchestrator again with a fresh history and <paramref name="newInput"/>.</summary>
    void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A logger that stays silent while the orchestrator replays.</summary>
    ILogger CreateReplaySafeLogger(string categoryName);
}
