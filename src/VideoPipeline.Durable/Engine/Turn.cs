namespace VideoPipeline.Durable.Engine;

/// <summary>
/// One turn's working state: the instance, its past history with lookup sets for duplicate detection,
/// and what this turn's messages add (events, lifecycle changes, messages to send).
/// </summary>
internal sealed class Turn
{
    private readonly HashSet<int> scheduled = [];
    private readonly HashSet<int> closed = [];
    private readonly HashSet<string> messageIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> eventTypes = new(StringComparer.Ordinal);

    public Turn(InstanceState state, IReadOnlyList<HistoryEvent> history, DateTime now)
    {
        this.State = state;
        this.History = history;
        this.Now = now;
        this.Events.Add(new HistoryEvent(0, HistoryEventTypes.OrchestratorStarted, now));
        foreach (var e in history)
        {
            this.Index(e);
        }
    }

    public InstanceState State { get; set; }

    public IReadOnlyList<HistoryEvent> History { get; }

    public DateTime Now { get; }

    /// <summary>This turn's new events, starting with OrchestratorStarted.</summary>
    public List<HistoryEvent> Events { get; } = [];

    public List<WorkMessage> Outbox { get; } = [];

    public string? Terminate { get; set; }

    /// <summary>Events the orchestrator must see (completions, starts, raised events), beyond lifecycle ones.</summary>
    public bool HasWorkEvents { get; private set; }

    public bool Changed => this.HasWorkEvents || this.lifecycleChanged || this.Terminate is not null;

    private bool lifecycleChanged;

    public bool Has(string eventType) => this.eventTypes.Contains(eventType);

    public bool HasMessage(string messageId) => this.messageIds.Contains(messageId);

    /// <summary>Scheduled (task, timer or sub-orchestration) and not yet completed: a result for it is new.</summary>
    public bool IsOpen(int taskId) => this.scheduled.Contains(taskId) && !this.closed.Contains(taskId);

    public void Add(HistoryEvent e)
    {
        this.Events.Add(e);
        this.Index(e);
        this.HasWorkEvents = true;
    }

    public void Suspend(string? reason)
    {
        this.Events.Add(new HistoryEvent(0, HistoryEventTypes.ExecutionSuspended, this.Now, Payload: reason));
        this.State = this.State with { Status = OrchestrationRuntimeStatus.Suspended };
        this.lifecycleChanged = true;
    }

    public void Resume(string? reason)
    {
        this.Events.Add(new HistoryEvent(0, HistoryEventTypes.ExecutionResumed, this.Now, Payload: reason));
        this.Outbox.AddRange(this.State.Buffered);
        this.State = this.State with
        {
            Status = this.State.StartedAt is null ? OrchestrationRuntimeStatus.Pending : OrchestrationRuntimeStatus.Running,
            Buffered = [],
        };
        this.lifecycleChanged = true;
    }

    public void Buffer(WorkMessage message)
    {
        if (this.State.Buffered.Any(m => m.Id == message.Id))
        {
            return;
        }

        this.State = this.State with { Buffered = [.. this.State.Buffered, message] };
        this.lifecycleChanged = true;
    }

    private void Index(HistoryEvent e)
    {
        this.eventTypes.Add(e.EventType);
        if (e.MessageId is { } id)
        {
            this.messageIds.Add(id);
        }

        if (e.TaskScheduledId is not { } task)
        {
            return;
        }

        switch (e.EventType)
        {
            case HistoryEventTypes.TaskScheduled or HistoryEventTypes.TimerCreated or HistoryEventTypes.SubOrchestrationInstanceCreated:
                this.scheduled.Add(task);
                break;
            case HistoryEventTypes.TaskCompleted or HistoryEventTypes.TaskFailed or HistoryEventTypes.TimerFired
                or HistoryEventTypes.SubOrchestrationInstanceCompleted or HistoryEventTypes.SubOrchestrationInstanceFailed:
                this.closed.Add(task);
                break;
        }
    }
}
