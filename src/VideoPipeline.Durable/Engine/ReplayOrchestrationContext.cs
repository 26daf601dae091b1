using Microsoft.Extensions.Logging;

namespace VideoPipeline.Durable.Engine;

/// <summary>
/// <see cref="IOrchestrationContext"/> during a replay: every task the code starts gets the next
/// sequence number; history confirms it (or proves non-determinism) and later completes it.
/// </summary>
internal sealed class ReplayOrchestrationContext(
    string name,
    string instanceId,
    string? input,
    DataConverter converter,
    ILoggerFactory loggerFactory) : IOrchestrationContext
{
    private readonly Dictionary<int, OrchestratorAction> unconfirmed = [];
    private readonly List<OrchestratorAction> actions = [];
    private readonly Dictionary<int, TaskCompletionSource<string?>> open = [];
    private readonly Dictionary<string, Queue<TaskCompletionSource<string?>>> waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<string?>> unclaimedEvents = new(StringComparer.OrdinalIgnoreCase);
    private int nextId;
    private int guidCounter;

    public string Name => name;

    public string InstanceId => instanceId;

    public DateTime CurrentUtcDateTime { get; set; }

    public bool IsReplaying { get; set; }

    public string? CustomStatus { get; private set; }

    public (string? Input, bool PreserveEvents)? ContinueAsNewRequest { get; private set; }

    /// <summary>Events raised that no waiter took; carried over on ContinueAsNew.</summary>
    public IEnumerable<(string Name, string? Payload)> UnclaimedEvents =>
        this.unclaimedEvents.SelectMany(e => e.Value.Select(p => (e.Key, p)));

    /// <summary>Actions the code took that history has not recorded yet: this turn's new work.</summary>
    public IReadOnlyList<OrchestratorAction> NewActions => this.actions.Where(a => this.unconfirmed.ContainsKey(a.Id)).ToList();

    public T GetInput<T>() => converter.Deserialize<T>(input);

    public Guid NewGuid() => DeterministicGuid.Create($"{instanceId}_{this.CurrentUtcDateTime:o}_{this.guidCounter++}");

    public async Task<TResult> CallActivityAsync<TResult>(string activityName, object? activityInput = null, TaskOptions? options = null)
    {
        var json = await this.WithRetry(options?.Retry, () => this.Schedule(new ScheduleTaskAction(this.nextId++, activityName, converter.Serialize(activityInput))));
        return converter.Deserialize<TResult>(json);
    }

    public Task CallActivityAsync(string activityName, object? activityInput = null, TaskOptions? options = null) =>
        this.WithRetry(options?.Retry, () => this.Schedule(new ScheduleTaskAction(this.nextId++, activityName, converter.Serialize(activityInput))));

    public async Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? orchestratorInput = null, TaskOptions? options = null)
    {
        var json = await this.WithRetry(options?.Retry, () =>
        {
            var id = this.nextId++;
            var childId = (options as SubOrchestrationOptions)?.InstanceId ?? $"{instanceId}:{id}";
            return this.Schedule(new CreateSubOrchestrationAction(id, orchestratorName, childId, converter.Serialize(orchestratorInput)));
        });
        return converter.Deserialize<TResult>(json);
    }

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var timer = this.Schedule(new CreateTimerAction(this.nextId++, DateTime.SpecifyKind(fireAt, DateTimeKind.Utc)));
        if (cancellationToken.CanBeCanceled)
        {
            var source = this.open[this.nextId - 1];
            cancellationToken.Register(() => source.TrySetCanceled(cancellationToken));
        }

        return timer;
    }

    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan? timeout = null)
    {
        if (this.unclaimedEvents.TryGetValue(eventName, out var queued) && queued.Count > 0)
        {
            return converter.Deserialize<T>(queued.Dequeue());
        }

        var waiter = new TaskCompletionSource<string?>();
        if (!this.waiters.TryGetValue(eventName, out var list))
        {
            this.waiters[eventName] = list = new Queue<TaskCompletionSource<string?>>();
        }

        list.Enqueue(waiter);
        if (timeout is not { } limit)
        {
            return converter.Deserialize<T>(await waiter.Task);
        }

        using var cancelTimer = new CancellationTokenSource();
        var timer = this.CreateTimer(this.CurrentUtcDateTime + limit, cancelTimer.Token);
        if (await Task.WhenAny(waiter.Task, timer) == waiter.Task)
        {
            // Synchronously: CancelAsync would resume this code on the thread pool, after the turn ended.
#pragma warning disable CA1849
            cancelTimer.Cancel();
#pragma warning restore CA1849
            return converter.Deserialize<T>(await waiter.Task);
        }

        waiter.TrySetCanceled();
        throw new TimeoutException($"Event '{eventName}' was not raised within {limit}");
    }

    public void SetCustomStatus(object? customStatus) =>
        this.CustomStatus = customStatus is null ? null : converter.Serialize(customStatus);

    public void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        this.ContinueAsNewRequest = (converter.Serialize(newInput), preserveUnprocessedEvents);

    public ILogger CreateReplaySafeLogger(string categoryName) => new ReplaySafeLogger(this, loggerFactory.CreateLogger(categoryName));

    /// <summary>History recorded this action at this position: the code must have asked for the same thing.</summary>
    public void Confirm(HistoryEvent recorded)
    {
        var id = recorded.TaskScheduledId ?? -1;
        if (!this.unconfirmed.TryGetValue(id, out var action))
        {
            throw new NonDeterministicOrchestrationException(
                $"history has {recorded.EventType} #{id} '{recorded.Name}', but the orchestrator code no longer schedules it");
        }

        var (kind, actionName) = Describe(action);
        if (kind != recorded.EventType || !string.Equals(actionName, recorded.Name, StringComparison.Ordinal))
        {
            throw new NonDeterministicOrchestrationException(
                $"history has {recorded.EventType} #{id} '{recorded.Name}', but the orchestrator code now does {kind} '{actionName}' there");
        }

        this.unconfirmed.Remove(id);
    }

    public void Complete(int id, string? payload)
    {
        if (this.open.Remove(id, out var source))
        {
            source.TrySetResult(payload);
        }
    }

    public void Fail(int id, string taskName, TaskFailureDetails failure)
    {
        if (this.open.Remove(id, out var source))
        {
            source.TrySetException(new TaskFailedException(taskName, failure));
        }
    }

    public void Raise(string eventName, string? payload)
    {
        if (this.waiters.TryGetValue(eventName, out var list))
        {
            while (list.TryDequeue(out var waiter))
            {
                if (waiter.TrySetResult(payload))
                {
                    return;
                }
            }
        }

        if (!this.unclaimedEvents.TryGetValue(eventName, out var queued))
        {
            this.unclaimedEvents[eventName] = queued = new Queue<string?>();
        }

        queued.Enqueue(payload);
    }

    public static (string EventType, string Name) Describe(OrchestratorAction action) => action switch
    {
        ScheduleTaskAction task => (HistoryEventTypes.TaskScheduled, task.Name),
        CreateTimerAction => (HistoryEventTypes.TimerCreated, "timer"),
        CreateSubOrchestrationAction sub => (HistoryEventTypes.SubOrchestrationInstanceCreated, sub.Name),
        _ => throw new InvalidOperationException($"Unknown action {action.GetType().Name}"),
    };

    private async Task<string?> WithRetry(RetryPolicy? policy, Func<Task<string?>> attempt)
    {
        for (var n = 1; ; n++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException e) when (policy is not null && n < policy.MaxNumberOfAttempts && policy.Handle(e.FailureDetails))
            {
                await this.CreateTimer(this.CurrentUtcDateTime + policy.DelayBefore(n + 1), CancellationToken.None);
            }
        }
    }

    private Task<string?> Schedule(OrchestratorAction action)
    {
        this.unconfirmed[action.Id] = action;
        this.actions.Add(action);
        var source = new TaskCompletionSource<string?>();
        this.open[action.Id] = source;
        return source.Task;
    }

    private sealed class ReplaySafeLogger(ReplayOrchestrationContext context, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!context.IsReplaying)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
