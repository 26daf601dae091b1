namespace VideoPipeline.Durable.Engine;

/// <summary>
/// The queues work moves through: one control queue for orchestration messages and activity queues
/// by priority band. A received message stays invisible to others for the visibility timeout; a
/// worker that dies without completing it simply lets it come back.
/// </summary>
public interface IWorkQueues
{
    /// <summary>Queues messages sent together (a backend may carry them in one envelope), delivered after <paramref name="delay"/> (durable timers).</summary>
    Task SendAsync(IReadOnlyList<WorkMessage> messages, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Takes up to <paramref name="maxMessages"/> work messages; for activities, higher priority bands first.</summary>
    Task<IReadOnlyList<ReceivedWork>> ReceiveAsync(WorkQueueKind queue, int maxMessages, TimeSpan visibility, CancellationToken cancellationToken);

    Task CompleteAsync(ReceivedWork work, CancellationToken cancellationToken);

    /// <summary>Keeps a long-running message hidden; use the returned receipt from now on.</summary>
    Task<ReceivedWork> ExtendAsync(ReceivedWork work, TimeSpan visibility, CancellationToken cancellationToken);

    /// <summary>Gives the message back, visible again after <paramref name="delay"/>.</summary>
    Task ReleaseAsync(ReceivedWork work, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Deletes the hub's queues and everything on them (tests, benchmarks).</summary>
    Task DeleteAllAsync(CancellationToken cancellationToken);

    /// <summary>Approximate waiting messages per queue (health, ETA).</summary>
    Task<IReadOnlyDictionary<string, long>> GetDepthAsync(CancellationToken cancellationToken);
}

public enum WorkQueueKind
{
    Control,
    Activities,
}

/// <param name="DequeueCount">How often the message has been taken, this time included (poison detection).</param>
public sealed record ReceivedWork(WorkMessage Message, string Queue, string MessageId, string PopReceipt, long DequeueCount);
