using System.Collections.Concurrent;

namespace VideoPipeline.Durable.Engine;

/// <summary>
/// Limits how many top-level instances of an orchestrator run at once (<c>Durable:InstanceConcurrency</c>).
/// The rest wait as Pending and start highest priority first, then oldest first: when a running one
/// finishes, and on a periodic sweep that covers a worker that died before it could hand on its slot.
/// Within one process the limit is exact; several workers on one hub may briefly exceed it by one each.
/// </summary>
internal sealed class InstanceAdmission(DurableEngine engine) : IDisposable
{
    private readonly KeyedLocks gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Queue positions read the line again in the background once it is this old.</summary>
    internal static readonly TimeSpan LineFreshFor = TimeSpan.FromSeconds(1);

    /// <summary>An older line (a quiet process: others may have changed it a lot) is read before answering.</summary>
    internal static readonly TimeSpan LineUsableFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, RefreshedInBackground<AdmissionLine, InstanceState>> recent = new(StringComparer.OrdinalIgnoreCase);

    public bool IsLimited(InstanceState state) =>
        state.Parent is null && engine.Options.InstanceConcurrency.ContainsKey(state.Name);

    public Task<IDisposable> LockAsync(string name, CancellationToken cancellationToken) => this.gates.LockAsync(name, cancellationToken);

    /// <summary>Whether a waiting instance may start now: a slot is free and nobody ahead of it waits for one.</summary>
    public async Task<bool> MayStartAsync(InstanceState state, CancellationToken cancellationToken)
    {
        var line = await this.ReadAsync(state.Name, cancellationToken);
        var ahead = line.Waiting.TakeWhile(w => w.InstanceId != state.InstanceId).Count();
        return line.Running.Count + ahead < engine.Options.InstanceConcurrency[state.Name];
    }

    /// <summary>Sends a start to as many waiting instances as there are free slots, best first.</summary>
    public async Task AdmitWaitingAsync(string name, CancellationToken cancellationToken)
    {
        if (!engine.Options.InstanceConcurrency.TryGetValue(name, out var limit))
        {
            return;
        }

        var line = await this.ReadAsync(name, cancellationToken);
        foreach (var waiting in line.Waiting.Take(Math.Max(0, limit - line.Running.Count)))
        {
            // Same id as the client's start: a start that is still queued and this one count once.
            await engine.SendAsync(StartMessage(waiting), cancellationToken);
        }
    }

    /// <summary>The top-level instances of <paramref name="name"/> that hold a slot, and those waiting in order.</summary>
    public async Task<AdmissionLine> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var running = new List<InstanceState>();
        var waiting = new List<InstanceState>();
        string? continuation = null;
        do
        {
            var page = await engine.Store.QueryAsync(
                new InstanceQuery
                {
                    Name = name,
                    Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended],
                    PageSize = 1000,
                    ContinuationToken = continuation,
                },
                cancellationToken);
            foreach (var state in page.Instances)
            {
                AdmissionLine.Place(state, running, waiting);
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        waiting.Sort(WaitingOrder);
        return new AdmissionLine(running, waiting);
    }

    /// <summary>
    /// The line for queue positions only (admission itself reads it fresh): one copy for all callers, kept current
    /// with this process's own changes, read again in the background once it is <see cref="LineFreshFor"/> old.
    /// </summary>
    public Task<AdmissionLine> ReadRecentAsync(string name, CancellationToken cancellationToken) =>
        this.recent.GetOrAdd(name, n => NewRecentLine(() => this.ReadAsync(n, CancellationToken.None)))
            .GetAsync(engine.UtcNow, cancellationToken);

    internal static RefreshedInBackground<AdmissionLine, InstanceState> NewRecentLine(Func<Task<AdmissionLine>> read) =>
        new(read, AdmissionLine.With, s => s.InstanceId, LineFreshFor, LineUsableFor);

    /// <summary>An instance this process created, started or finished: queue positions count it at once.</summary>
    public void Noted(InstanceState state)
    {
        if (this.recent.TryGetValue(state.Name, out var line))
        {
            line.Note(state);
        }
    }

    /// <summary>
    /// Where a waiting top-level instance stands in <paramref name="line"/>: 1-based (counting it even when the
    /// line was read before it was created), with the number waiting.
    /// </summary>
    public static (int Position, int Waiting) PositionIn(AdmissionLine line, string instanceId, DateTime createdAt, int priority)
    {
        var ahead = line.Waiting.Count(w => w.InstanceId != instanceId && WaitingOrder(w.Priority, w.CreatedAt, w.InstanceId, priority, createdAt, instanceId) < 0);
        var listed = line.Waiting.Any(w => w.InstanceId == instanceId);
        return (ahead + 1, line.Waiting.Count + (listed ? 0 : 1));
    }

    internal static WorkMessage StartMessage(InstanceState state) => new()
    {
        Id = $"{state.InstanceId}:start",
        Kind = WorkMessageKind.ExecutionStarted,
        InstanceId = state.InstanceId,
        ExecutionId = state.ExecutionId,
        Name = state.Name,
        Payload = state.Input,
        Priority = state.Priority,
        Parent = state.Parent,
        CreatedAt = state.CreatedAt,
    };

    // Higher priority first, then first come first served.
    internal static int WaitingOrder(InstanceState a, InstanceState b) =>
        WaitingOrder(a.Priority, a.CreatedAt, a.InstanceId, b.Priority, b.CreatedAt, b.InstanceId);

    private static int WaitingOrder(int priorityA, DateTime createdA, string idA, int priorityB, DateTime createdB, string idB)
    {
        var byPriority = priorityB.CompareTo(priorityA);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byAge = createdA.CompareTo(createdB);
        return byAge != 0 ? byAge : string.CompareOrdinal(idA, idB);
    }

    public void Dispose() => this.gates.Dispose();
}

/// <param name="Running">Started and not finished (running or suspended): each holds a slot.</param>
/// <param name="Waiting">Not started yet, in the order they will start.</param>
internal sealed record AdmissionLine(IReadOnlyList<InstanceState> Running, IReadOnlyList<InstanceState> Waiting)
{
    /// <summary>The line with <paramref name="state"/> where it now belongs (or gone, once finished).</summary>
    public static AdmissionLine With(AdmissionLine line, InstanceState state)
    {
        var running = line.Running.Where(s => s.InstanceId != state.InstanceId).ToList();
        var waiting = line.Waiting.Where(s => s.InstanceId != state.InstanceId).ToList();
        Place(state, running, waiting);
        waiting.Sort(InstanceAdmission.WaitingOrder);
        return new AdmissionLine(running, waiting);
    }

    /// <summary>Adds a top-level instance to the list it belongs in: started and not finished, or not started yet.</summary>
    public static void Place(InstanceState state, List<InstanceState> running, List<InstanceState> waiting)
    {
        if (state.Parent is not null || state.IsTerminal)
        {
            return;
        }

        if (state.StartedAt is not null)
        {
            running.Add(state);
        }
        else if (state.Status == OrchestrationRuntimeStatus.Pending)
        {
            waiting.Add(state);
        }
    }
}
