using Microsoft.Extensions.Logging;

namespace VideoPipeline.Durable.InProcess;

internal sealed class InProcessOrchestrationContext : IOrchestrationContext
{
    private readonly InProcessOrchestrationRunner runner;
    private readonly string inputJson;
    private readonly OrchestrationCallbacks? callbacks;
    private readonly CancellationToken cancellationToken;
    private readonly List<HistoryEvent> history = [];
    private readonly DateTime createdAt;
    private string? customStatus;
    private int nextTaskId;
    private int guidCounter;

    public InProcessOrchestrationContext(
        InProcessOrchestrationRunner runner,
        string name,
        string instanceId,
        string inputJson,
        OrchestrationCallbacks? callbacks,
        CancellationToken cancellationToken)
    {
        this.runner = runner;
        this.Name = name;
        this.InstanceId = instanceId;
        this.inputJson = inputJson;
        this.callbacks = callbacks;
        this.cancellationToken = cancellationToken;
        this.createdAt = runner.Time.GetUtcNow().UtcDateTime;
        this.CurrentUtcDateTime = this.createdAt;
        this.Record(HistoryEventTypes.ExecutionStarted, name: name, payload: inputJson);
    }

    public string Name { get; }

    public string InstanceId { get; }

    public DateTime CurrentUtcDateTime { get; private set; }

    public bool IsReplaying => false;

    public T GetInput<T>() => this.runner.Converter.Deserialize<T>(this.inputJson);

    public Guid NewGuid() =>
        DeterministicGuid.Create($"{this.InstanceId}_{this.CurrentUtcDateTime:o}_{this.guidCounter++}");

    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        var json = await this.ScheduleAsync(name, input, options);
        return this.runner.Converter.Deserialize<TResult>(json);
    }

    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        this.ScheduleAsync(name, input, options);

    public async Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        var id = (options as SubOrchestrationOptions)?.InstanceId ?? $"{this.InstanceId}:{this.nextTaskId}";
        var taskId = this.nextTaskId++;
        this.Record(HistoryEventTypes.SubOrchestrationInstanceCreated, name, taskId, this.runner.Converter.Serialize(input));
        var child = await Task.Run(() => this.runner.RunAsync(name, id, input, null, this.cancellationToken), CancellationToken.None);
        this.Advance();
        if (child.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            var failure = child.FailureDetails ?? new TaskFailureDetails("SubOrchestrationFailed", $"{name} ended {child.RuntimeStatus}");
            this.Record(HistoryEventTypes.SubOrchestrationInstanceFailed, name, taskId, failure: failure);
            throw new TaskFailedException(name, failure);
        }

        this.Record(HistoryEventTypes.SubOrchestrationInstanceCompleted, name, taskId, child.SerializedOutput);
        return this.runner.Converter.Deserialize<TResult>(child.SerializedOutput);
    }

    // This runner serves unit tests of straight-line workflows; it has no durable event source.
    public Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan? timeout = null) =>
        throw new NotSupportedException("External events need the durable engine; the in-process runner has no event source.");

    public void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        throw new NotSupportedException("ContinueAsNew needs the durable engine; the in-process runner keeps no history between executions.");

    public async Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var id = this.nextTaskId++;
        this.Record(HistoryEventTypes.TimerCreated, taskId: id, payload: $"\"{fireAt:o}\"");
        var delay = fireAt - this.runner.Time.GetUtcNow().UtcDateTime;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, this.cancellationToken);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, this.runner.Time, linked.Token);
        }

        this.Advance();
        this.Record(HistoryEventTypes.TimerFired, taskId: id);
    }

    public void SetCustomStatus(object? customStatus)
    {
        this.customStatus = customStatus is null ? null : this.runner.Converter.Serialize(customStatus);
        if (this.customStatus is not null)
        {
            this.callbacks?.OnCustomStatus?.Invoke(this.customStatus);
        }
    }

    public ILogger CreateReplaySafeLogger(string categoryName) => this.runner.LoggerFactory.CreateLogger(categoryName);

    internal OrchestrationResult Complete(OrchestrationRuntimeStatus status, string? output, TaskFailureDetails? failure)
    {
        this.Advance();
        var type = status switch
        {
            OrchestrationRuntimeStatus.Completed => HistoryEventTypes.ExecutionCompleted,
            OrchestrationRuntimeStatus.Terminated => HistoryEventTypes.ExecutionTerminated,
            _ => HistoryEventTypes.ExecutionFailed,
        };
        this.Record(type, payload: output, failure: failure);
        List<HistoryEvent> snapshot;
        lock (this.history)
        {
            snapshot = [.. this.history];
        }

        return new OrchestrationResult(
            this.InstanceId, this.Name, status, output, this.customStatus, failure, this.createdAt, this.CurrentUtcDateTime, snapshot)
        {
            Converter = this.runner.Converter,
        };
    }

    private async Task<string> ScheduleAsync(string name, object? input, TaskOptions? options)
    {
        var taskId = this.nextTaskId++;
        var inputJson = this.runner.Converter.Serialize(input);
        this.Record(HistoryEventTypes.TaskScheduled, name, taskId, inputJson);
        try
        {
            // Task.Run leaves the orchestrator's scheduler; the await comes back to it.
            var output = await Task.Run(
                () => this.runner.ExecuteActivityAsync(name, taskId, this.InstanceId, inputJson, options?.Retry, this.callbacks, this.cancellationToken),
                CancellationToken.None);
            this.Advance();
            this.Record(HistoryEventTypes.TaskCompleted, name, taskId, output);
            return output;
        }
        catch (TaskFailedException e)
        {
            this.Advance();
            this.Record(HistoryEventTypes.TaskFailed, name, taskId, failure: e.FailureDetails);
            throw;
        }
    }

    private void Advance() => this.CurrentUtcDateTime = this.runner.Time.GetUtcNow().UtcDateTime;

    private void Record(string type, string? name = null, int? taskId = null, string? payload = null, TaskFailureDetails? failure = null)
    {
        lock (this.history)
        {
            this.history.Add(new HistoryEvent(this.history.Count, type, this.CurrentUtcDateTime, name, taskId, payload, failure));
        }
    }
}
