using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VideoPipeline.Durable.Engine;

/// <summary>
/// Takes control messages, groups them by instance and runs one turn per instance: load (or reuse)
/// history, turn messages into new events (duplicates dropped), replay the orchestrator, commit the
/// events with an outbox of messages to send, send the outbox, then delete the messages. A crash at
/// any point repeats work, never loses it: undeleted messages come back, a committed outbox is resent.
/// </summary>
internal sealed partial class OrchestrationDispatcher(DurableEngine engine) : IDisposable
{
    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(20);

    // Results for one instance taken together become one turn: one replay, one commit.
    private const int ControlBatch = 256;
    private readonly ILogger logger = engine.LoggerFactory.CreateLogger<OrchestrationDispatcher>();
    private readonly SemaphoreSlim turns = new(engine.Options.MaxConcurrentOrchestrations);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Inbox> inboxes = new(StringComparer.Ordinal);

    public async Task RunAsync(CancellationToken stopping)
    {
        var idle = MinPoll;
        var inFlight = new List<Task>();
        var sweep = this.SweepAdmissionsAsync(stopping);
        while (!stopping.IsCancellationRequested)
        {
            IReadOnlyList<ReceivedWork> batch;
            try
            {
                await this.turns.WaitAsync(stopping);
                this.turns.Release();
                batch = await engine.Queues.ReceiveAsync(WorkQueueKind.Control, ControlBatch, engine.Options.ControlVisibility, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogReceiveFailed(this.logger, e.Message);
                await Delay(engine.Options.MaxPollingInterval, stopping);
                continue;
            }

            if (batch.Count == 0)
            {
                await engine.ControlSignal.WaitAsync(idle, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, engine.Options.MaxPollingInterval.Ticks));
                continue;
            }

            idle = MinPoll;
            inFlight.RemoveAll(t => t.IsCompleted);
            foreach (var group in batch.GroupBy(w => w.Message.InstanceId, StringComparer.Ordinal))
            {
                // Messages for an instance whose turn is under way wait for the next one: a fan-in
                // takes a few large turns instead of one per result.
                var inbox = this.inboxes.GetOrAdd(group.Key, _ => new Inbox());
                if (inbox.Add(group))
                {
                    inFlight.Add(Task.Run(() => this.DrainAsync(group.Key, inbox, stopping), CancellationToken.None));
                }
            }
        }

        await Task.WhenAll([.. inFlight, sweep]);
    }

    private async Task DrainAsync(string instanceId, Inbox inbox, CancellationToken stopping)
    {
        var slot = false;
        try
        {
            await this.turns.WaitAsync(stopping);
            slot = true;
            while (inbox.TakeAll() is { } works)
            {
                await this.ProcessAsync(instanceId, works, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Not taken: the messages come back after their visibility timeout.
        }
        finally
        {
            this.inboxes.TryRemove(KeyValuePair.Create(instanceId, inbox));
            if (slot)
            {
                this.turns.Release();
            }
        }
    }

    private async Task ProcessAsync(string instanceId, List<ReceivedWork> works, CancellationToken stopping)
    {
        try
        {
            using (await engine.LockInstanceAsync(instanceId, stopping))
            {
                await this.TurnAsync(instanceId, works, stopping);
            }
        }
        catch (OrchestrationConcurrencyException)
        {
            engine.Forget(instanceId);
            await this.HandBackAsync(works);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await this.HandBackAsync(works);
        }
        catch (Exception e)
        {
            engine.Forget(instanceId);
            await this.GiveUpOrRetryAsync(instanceId, works, e);
        }
    }

    private async Task TurnAsync(string instanceId, List<ReceivedWork> works, CancellationToken ct, bool trustCache = true)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var now = engine.UtcNow;
        var (state, history, outboxSent, fromCache) = await this.LoadAsync(instanceId, works, trustCache, ct);
        if (state is null)
        {
            LogUnknownInstance(this.logger, instanceId, works.Count);
            await this.CompleteAsync(works);
            return;
        }

        if (!outboxSent && state.Outbox.Count > 0)
        {
            // Committed earlier but perhaps never sent (a crash in between): send again; receivers drop duplicates.
            await this.SendAllAsync(state.Outbox, ct);
        }

        using var admission = await this.AdmitAsync(state, works, ct);
        var turn = new Turn(state, history, now);
        foreach (var work in works.Where(w => admission.Admitted || w.Message.Kind != WorkMessageKind.ExecutionStarted).OrderBy(w => w.Message.Kind == WorkMessageKind.ExecutionStarted ? 0 : 1).ThenBy(w => w.Message.CreatedAt))
        {
            await this.ApplyAsync(turn, work.Message, ct);
        }

        if (!turn.Changed && fromCache)
        {
            // Dropping messages on the word of the cache alone could lose them if another worker moved
            // the instance on (a new execution); check against the store first.
            engine.Forget(instanceId);
            admission.Dispose();
            await this.TurnAsync(instanceId, works, ct, trustCache: false);
            return;
        }

        if (!turn.Changed)
        {
            engine.Cache(new CachedInstance(state, history, OutboxSent: true));
            await this.CompleteAsync(works);
            return;
        }

        var (updated, produced) = turn.Terminate is { } reason
            ? this.Terminated(turn, reason)
            : turn.HasWorkEvents
                ? this.Run(turn)
                : (turn.State with { Outbox = turn.Outbox }, turn.Events.Where(e => e.EventType != HistoryEventTypes.OrchestratorStarted).ToList());
        var events = produced.Select((e, i) => e with { EventId = updated.HistoryCount + i }).ToList();
        var ran = clock.Elapsed;

        var committed = await engine.Store.CommitAsync(
            updated with { LastUpdatedAt = now, HistoryCount = updated.HistoryCount + events.Count },
            events,
            ct);
        // A new execution (ContinueAsNew) starts with an empty history.
        IReadOnlyList<HistoryEvent> current = committed.ExecutionId != state.ExecutionId ? [] : [.. history, .. events];
        engine.Cache(new CachedInstance(committed, current, OutboxSent: false));
        var stored = clock.Elapsed;
        await this.SendAllAsync(committed.Outbox, ct);
        engine.Cache(new CachedInstance(committed, current, OutboxSent: true));
        LogTurn(this.logger, instanceId, works.Count, events.Count, committed.Outbox.Count, ran.TotalMilliseconds, (stored - ran).TotalMilliseconds, (clock.Elapsed - stored).TotalMilliseconds);
        engine.Committed(committed);
        if (committed.IsTerminal != state.IsTerminal || committed.StartedAt != state.StartedAt)
        {
            // It left the waiting line or freed a slot.
            engine.Admission.Noted(committed);
        }

        if (committed.ExecutionId != state.ExecutionId)
        {
            await this.DeleteHistoryAsync(instanceId, state.ExecutionId);
        }

        if (committed.IsTerminal && engine.Admission.IsLimited(committed))
        {
            // Hand the slot on now rather than at the next sweep.
            admission.Dispose();
            await this.AdmitWaitingAsync(committed.Name, ct);
        }
        if (committed.IsTerminal)
        {
            engine.CancelActivities(instanceId);
        }

        await this.CompleteAsync(works);
    }

    // A start for an instance whose orchestrator is limited waits (Pending) until a slot is free and
    // nothing better waits; the start is dropped then, and admission sends it again. The name's lock
    // is held through the turn so this process never admits two for one slot.
    private async Task<AdmissionTicket> AdmitAsync(InstanceState state, List<ReceivedWork> works, CancellationToken ct)
    {
        if (state.StartedAt is not null
            || !engine.Admission.IsLimited(state)
            || !works.Any(w => w.Message.Kind == WorkMessageKind.ExecutionStarted))
        {
            return new AdmissionTicket(true, null);
        }

        var gate = await engine.Admission.LockAsync(state.Name, ct);
        try
        {
            return new AdmissionTicket(await engine.Admission.MayStartAsync(state, ct), gate);
        }
        catch
        {
            gate.Dispose();
            throw;
        }
    }

    private async Task AdmitWaitingAsync(string name, CancellationToken ct)
    {
        try
        {
            await engine.Admission.AdmitWaitingAsync(name, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The sweep admits them a little later.
            LogAdmissionFailed(this.logger, name, e.Message);
        }
    }

    // Slots freed by a worker that died before handing them on.
    private async Task SweepAdmissionsAsync(CancellationToken stopping)
    {
        var interval = TimeSpan.FromTicks(engine.Options.MaxPollingInterval.Ticks * 5);
        while (!stopping.IsCancellationRequested)
        {
            await Delay(interval, stopping);
            foreach (var name in engine.Options.InstanceConcurrency.Keys)
            {
                if (!stopping.IsCancellationRequested)
                {
                    await this.AdmitWaitingAsync(name, stopping);
                }
            }
        }
    }

    // The cache is trusted without a read: it is what this process last committed, and a commit from a
    // stale copy fails its ETag check (and the turn is redone from the store).
    private async Task<(InstanceState? State, IReadOnlyList<HistoryEvent> History, bool OutboxSent, bool FromCache)> LoadAsync(
        string instanceId, List<ReceivedWork> works, bool trustCache, CancellationToken ct)
    {
        if (trustCache && engine.GetCached(instanceId) is { } known)
        {
            return (known.State, known.History, known.OutboxSent, true);
        }

        var state = await engine.Store.GetInstanceAsync(instanceId, ct);
        if (state is null)
        {
            // A start message arriving before (or without) its instance document: create it from the message.
            var start = works.Select(w => w.Message).FirstOrDefault(m => m.Kind == WorkMessageKind.ExecutionStarted);
            if (start is null)
            {
                return (null, [], true, false);
            }

            if (await engine.Store.TryCreateAsync(NewInstance(start, engine.UtcNow), ct) is { } created)
            {
                return (created, [], true, false);
            }

            state = await engine.Store.GetInstanceAsync(instanceId, ct);
            if (state is null)
            {
                return (null, [], true, false);
            }
        }

        if (engine.GetCached(instanceId, state.ETag) is { } cached)
        {
            return (cached.State, cached.History, cached.OutboxSent, false);
        }

        return (state, await engine.Store.GetHistoryAsync(state, ct), false, false);
    }

    internal static InstanceState NewInstance(WorkMessage start, DateTime now) => new()
    {
        InstanceId = start.InstanceId,
        Name = start.Name!,
        ExecutionId = start.ExecutionId!,
        Input = start.Payload,
        Priority = start.Priority,
        Parent = start.Parent,
        CreatedAt = now,
        LastUpdatedAt = now,
    };

    private async Task ApplyAsync(Turn turn, WorkMessage message, CancellationToken ct)
    {
        var state = turn.State;
        if (message.Kind is WorkMessageKind.Terminate)
        {
            turn.Terminate ??= message.Payload ?? "terminated";
            return;
        }

        if (state.IsTerminal)
        {
            return;
        }

        // Messages for an earlier execution (before ContinueAsNew or a restart) are stale.
        if (message.ExecutionId is not null && message.ExecutionId != state.ExecutionId)
        {
            return;
        }

        switch (message.Kind)
        {
            case WorkMessageKind.Suspend when state.Status != OrchestrationRuntimeStatus.Suspended:
                turn.Suspend(message.Payload);
                return;
            case WorkMessageKind.Resume when state.Status == OrchestrationRuntimeStatus.Suspended:
                turn.Resume(message.Payload);
                return;
            case WorkMessageKind.Suspend or WorkMessageKind.Resume:
                return;
        }

        if (state.Status == OrchestrationRuntimeStatus.Suspended
            || (state.StartedAt is null && message.Kind != WorkMessageKind.ExecutionStarted))
        {
            // Held until resumed or started: resuming or starting sends them again.
            turn.Buffer(message);
            return;
        }

        switch (message.Kind)
        {
            case WorkMessageKind.ExecutionStarted when !turn.Has(HistoryEventTypes.ExecutionStarted):
                turn.Add(new HistoryEvent(0, HistoryEventTypes.ExecutionStarted, turn.Now, message.Name, Payload: message.Payload) { MessageId = message.Id });
                turn.Outbox.AddRange(turn.State.Buffered);
                turn.State = turn.State with { Status = OrchestrationRuntimeStatus.Running, StartedAt = turn.Now, Buffered = [] };
                break;
            case WorkMessageKind.TaskCompleted or WorkMessageKind.TaskFailed or WorkMessageKind.SubOrchestrationCompleted or WorkMessageKind.SubOrchestrationFailed
                when message.TaskId is { } id && turn.IsOpen(id):
                turn.Add(new HistoryEvent(0, EventTypeOf(message.Kind), turn.Now, message.Name, id, message.Payload, message.Failure) { MessageId = message.Id });
                break;
            case WorkMessageKind.TimerFired when message.TaskId is { } timer && turn.IsOpen(timer):
                if (message.FireAt is { } fireAt && fireAt > turn.Now.AddSeconds(1))
                {
                    // A long timer travels in hops no longer than the queue's maximum delay.
                    await engine.SendAsync(message, ct);
                    break;
                }

                turn.Add(new HistoryEvent(0, HistoryEventTypes.TimerFired, turn.Now, TaskScheduledId: timer) { MessageId = message.Id, FireAt = message.FireAt });
                break;
            case WorkMessageKind.EventRaised when !turn.HasMessage(message.Id):
                turn.Add(new HistoryEvent(0, HistoryEventTypes.EventRaised, turn.Now, message.Name, Payload: message.Payload) { MessageId = message.Id });
                break;
        }
    }

    private (InstanceState, IReadOnlyList<HistoryEvent>) Run(Turn turn)
    {
        var state = turn.State;
        using var scope = engine.Services.CreateScope();
        var orchestrator = (ITaskOrchestrator)ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, engine.Registry.GetOrchestratorType(state.Name));
        var result = OrchestrationExecutor.Execute(orchestrator, state.InstanceId, turn.History, turn.Events, engine.Converter, engine.LoggerFactory);

        var events = new List<HistoryEvent>(turn.Events);
        var outbox = new List<WorkMessage>(turn.Outbox);
        foreach (var action in result.Actions)
        {
            events.Add(ActionEvent(action, turn.Now));
            outbox.Add(ActionMessage(action, state, turn.Now));
        }

        var updated = state with { CustomStatus = result.CustomStatus ?? state.CustomStatus };
        if (result.ContinuesAsNew)
        {
            // The next execution starts from an empty history; this one's history is not kept.
            var next = DeterministicGuid.Create($"{state.InstanceId}:{state.ExecutionId}:next").ToString("N");
            outbox.Add(new WorkMessage
            {
                Id = $"{state.InstanceId}:{next}:start",
                Kind = WorkMessageKind.ExecutionStarted,
                InstanceId = state.InstanceId,
                ExecutionId = next,
                Name = state.Name,
                Payload = result.ContinueAsNewInput,
                Priority = state.Priority,
                Parent = state.Parent,
                CreatedAt = turn.Now,
            });
            outbox.AddRange(result.CarriedEvents.Select((e, i) => new WorkMessage
            {
                Id = $"{state.InstanceId}:{next}:carried:{i}",
                Kind = WorkMessageKind.EventRaised,
                InstanceId = state.InstanceId,
                ExecutionId = next,
                Name = e.Name,
                Payload = e.Payload,
                CreatedAt = turn.Now,
            }));
            return (updated with { ExecutionId = next, Input = result.ContinueAsNewInput, HistoryCount = 0, Chunks = [], Outbox = outbox }, []);
        }

        if (result.Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed)
        {
            events.Add(result.Status == OrchestrationRuntimeStatus.Completed
                ? new HistoryEvent(0, HistoryEventTypes.ExecutionCompleted, turn.Now, Payload: result.Output)
                : new HistoryEvent(0, HistoryEventTypes.ExecutionFailed, turn.Now, Failure: result.Failure));
            if (state.Parent is { } parent)
            {
                outbox.Add(ParentNotice(state, parent, result.Status == OrchestrationRuntimeStatus.Completed, result.Output, result.Failure, turn.Now));
            }

            updated = updated with { Status = result.Status, Output = result.Output, Failure = result.Failure, CompletedAt = turn.Now };
            if (result.Status == OrchestrationRuntimeStatus.Failed)
            {
                LogInstanceFailed(this.logger, state.InstanceId, result.Failure!.ErrorMessage);
            }
        }

        return (updated with { Outbox = outbox }, events);
    }

    private (InstanceState, IReadOnlyList<HistoryEvent>) Terminated(Turn turn, string reason)
    {
        var state = turn.State;
        if (state.IsTerminal)
        {
            return (state with { Outbox = [] }, []);
        }

        var failure = new TaskFailureDetails("Terminated", reason);
        var outbox = state.Parent is { } parent ? [ParentNotice(state, parent, false, null, failure, turn.Now)] : new List<WorkMessage>();
        var events = new List<HistoryEvent>(turn.Events) { new(0, HistoryEventTypes.ExecutionTerminated, turn.Now, Payload: engine.Converter.Serialize(reason)) };
        return (state with { Status = OrchestrationRuntimeStatus.Terminated, Output = engine.Converter.Serialize(reason), CompletedAt = turn.Now, Outbox = outbox, Buffered = [] }, events);
    }

    private static WorkMessage ParentNotice(InstanceState child, ParentInstance parent, bool succeeded, string? output, TaskFailureDetails? failure, DateTime now) => new()
    {
        Id = $"{parent.InstanceId}:{parent.ExecutionId}:sub:{parent.TaskId}",
        Kind = succeeded ? WorkMessageKind.SubOrchestrationCompleted : WorkMessageKind.SubOrchestrationFailed,
        InstanceId = parent.InstanceId,
        ExecutionId = parent.ExecutionId,
        TaskId = parent.TaskId,
        Name = child.Name,
        Payload = output,
        Failure = failure,
        CreatedAt = now,
    };

    private static HistoryEvent ActionEvent(OrchestratorAction action, DateTime now) => action switch
    {
        ScheduleTaskAction task => new HistoryEvent(0, HistoryEventTypes.TaskScheduled, now, task.Name, task.Id, task.Input),
        CreateTimerAction timer => new HistoryEvent(0, HistoryEventTypes.TimerCreated, now, "timer", timer.Id) { FireAt = timer.FireAt },
        CreateSubOrchestrationAction sub => new HistoryEvent(0, HistoryEventTypes.SubOrchestrationInstanceCreated, now, sub.Name, sub.Id, sub.Input) { InstanceId = sub.InstanceId },
        _ => throw new InvalidOperationException($"Unknown action {action.GetType().Name}"),
    };

    private static WorkMessage ActionMessage(OrchestratorAction action, InstanceState state, DateTime now) => action switch
    {
        ScheduleTaskAction task => new WorkMessage
        {
            Id = $"{state.InstanceId}:{state.ExecutionId}:task:{task.Id}",
            Kind = WorkMessageKind.ActivityRequest,
            InstanceId = state.InstanceId,
            ExecutionId = state.ExecutionId,
            TaskId = task.Id,
            Name = task.Name,
            Payload = task.Input,
            Priority = state.Priority,
            CreatedAt = now,
        },
        CreateTimerAction timer => new WorkMessage
        {
            Id = $"{state.InstanceId}:{state.ExecutionId}:timer:{timer.Id}",
            Kind = WorkMessageKind.TimerFired,
            InstanceId = state.InstanceId,
            ExecutionId = state.ExecutionId,
            TaskId = timer.Id,
            FireAt = timer.FireAt,
            CreatedAt = now,
        },
        CreateSubOrchestrationAction sub => new WorkMessage
        {
            Id = $"{sub.InstanceId}:start",
            Kind = WorkMessageKind.ExecutionStarted,
            InstanceId = sub.InstanceId,
            ExecutionId = DeterministicGuid.Create($"{state.InstanceId}:{state.ExecutionId}:{sub.Id}").ToString("N"),
            Name = sub.Name,
            Payload = sub.Input,
            Priority = state.Priority,
            Parent = new ParentInstance(state.InstanceId, state.ExecutionId, sub.Id),
            CreatedAt = now,
        },
        _ => throw new InvalidOperationException($"Unknown action {action.GetType().Name}"),
    };

    private static string EventTypeOf(WorkMessageKind kind) => kind switch
    {
        WorkMessageKind.TaskCompleted => HistoryEventTypes.TaskCompleted,
        WorkMessageKind.TaskFailed => HistoryEventTypes.TaskFailed,
        WorkMessageKind.SubOrchestrationCompleted => HistoryEventTypes.SubOrchestrationInstanceCompleted,
        WorkMessageKind.SubOrchestrationFailed => HistoryEventTypes.SubOrchestrationInstanceFailed,
        _ => throw new InvalidOperationException($"{kind} is not a task result"),
    };

    // A message that keeps failing its turn (a storage fault, an engine bug) must not loop forever:
    // after MaxDequeueCount attempts the instance is failed with the reason, and the messages dropped.
    private async Task GiveUpOrRetryAsync(string instanceId, List<ReceivedWork> works, Exception error)
    {
        var attempts = works.Max(w => w.DequeueCount);
        LogTurnFailed(this.logger, instanceId, attempts, error.Message);
        if (attempts < engine.Options.MaxDequeueCount)
        {
            await this.ReleaseAsync(works, TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempts))));
            return;
        }

        try
        {
            if (await engine.Store.GetInstanceAsync(instanceId, CancellationToken.None) is { IsTerminal: false } state)
            {
                var failure = new TaskFailureDetails(
                    "PoisonMessage", $"A turn of this orchestration failed {attempts} times: {error.Message}", IsNonRetriable: true);
                var committed = await engine.Store.CommitAsync(
                    state with { Status = OrchestrationRuntimeStatus.Failed, Failure = failure, CompletedAt = engine.UtcNow, LastUpdatedAt = engine.UtcNow, Outbox = [] },
                    [],
                    CancellationToken.None);
                engine.Committed(committed);
            }
        }
        catch (Exception e)
        {
            LogTurnFailed(this.logger, instanceId, attempts, "could not record the failure either: " + e.Message);
        }

        await this.CompleteAsync(works);
    }

    private async Task SendAllAsync(IReadOnlyList<WorkMessage> messages, CancellationToken ct)
    {
        if (messages.Count > 0)
        {
            await engine.SendAllAsync(messages, ct);
        }
    }

    // Best effort: an eternal orchestration must not grow its partition forever; a leftover is harmless.
    private async Task DeleteHistoryAsync(string instanceId, string executionId)
    {
        try
        {
            await engine.Store.DeleteHistoryAsync(instanceId, executionId, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogCompleteFailed(this.logger, e.Message);
        }
    }

    private async Task CompleteAsync(IEnumerable<ReceivedWork> works)
    {
        try
        {
            await Task.WhenAll(works.Select(w => engine.Queues.CompleteAsync(w, CancellationToken.None)));
        }
        catch (Exception e)
        {
            // It comes back after its visibility timeout and is recognised as a duplicate.
            LogCompleteFailed(this.logger, e.Message);
        }
    }

    private async Task HandBackAsync(List<ReceivedWork> works)
    {
        try
        {
            await engine.HandBackAsync(works);
        }
        catch (Exception e)
        {
            LogCompleteFailed(this.logger, e.Message);
        }
    }

    private async Task ReleaseAsync(IEnumerable<ReceivedWork> works, TimeSpan delay)
    {
        try
        {
            await Task.WhenAll(works.Select(w => engine.Queues.ReleaseAsync(w, delay, CancellationToken.None)));
        }
        catch (Exception e)
        {
            LogCompleteFailed(this.logger, e.Message);
        }
    }

    public void Dispose() => this.turns.Dispose();

    private static async Task Delay(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Receiving control messages failed: {Message}")]
    private static partial void LogReceiveFailed(ILogger logger, string message);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "A turn of {InstanceId} failed (attempt {Attempt}): {Message}")]
    private static partial void LogTurnFailed(ILogger logger, string instanceId, long attempt, string message);

    [LoggerMessage(EventId = 302, Level = LogLevel.Debug, Message = "{Count} message(s) for unknown instance {InstanceId} dropped")]
    private static partial void LogUnknownInstance(ILogger logger, string instanceId, int count);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Deleting processed messages failed: {Message}")]
    private static partial void LogCompleteFailed(ILogger logger, string message);

    [LoggerMessage(EventId = 306, Level = LogLevel.Debug, Message = "Turn of {InstanceId}: {Messages} messages, {Events} events, {Sent} sent; load+replay {RunMs:0.0} ms, commit {CommitMs:0.0} ms, send {SendMs:0.0} ms")]
    private static partial void LogTurn(ILogger logger, string instanceId, int messages, int events, int sent, double runMs, double commitMs, double sendMs);

    [LoggerMessage(EventId = 305, Level = LogLevel.Warning, Message = "Admitting waiting {Name} instances failed: {Message}")]
    private static partial void LogAdmissionFailed(ILogger logger, string name, string message);

    [LoggerMessage(EventId = 304, Level = LogLevel.Warning, Message = "Orchestration {InstanceId} failed: {Message}")]
    private static partial void LogInstanceFailed(ILogger logger, string instanceId, string message);
}

/// <summary>Whether this turn may start the instance; holds the orchestrator name's admission lock, if taken.</summary>
internal sealed class AdmissionTicket(bool admitted, IDisposable? gate) : IDisposable
{
    public bool Admitted => admitted;

    public void Dispose() => gate?.Dispose();
}

/// <summary>An instance's messages waiting for its next turn; at most one drain runs per inbox.</summary>
internal sealed class Inbox
{
    private readonly List<ReceivedWork> works = [];
    private bool draining;

    /// <returns>True when the caller must start draining it.</returns>
    public bool Add(IEnumerable<ReceivedWork> received)
    {
        lock (this.works)
        {
            this.works.AddRange(received);
            if (this.draining)
            {
                return false;
            }

            this.draining = true;
            return true;
        }
    }

    /// <summary>Everything waiting, or null (and the drain ends) when nothing is.</summary>
    public List<ReceivedWork>? TakeAll()
    {
        lock (this.works)
        {
            if (this.works.Count == 0)
            {
                this.draining = false;
                return null;
            }

            var all = new List<ReceivedWork>(this.works);
            this.works.Clear();
            return all;
        }
    }
}
