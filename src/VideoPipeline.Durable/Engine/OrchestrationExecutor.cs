using Microsoft.Extensions.Logging;

namespace VideoPipeline.Durable.Engine;

/// <summary>
/// One orchestrator turn: replays the code against the past history, feeds it the incoming events,
/// and reports what it now wants (new tasks, timers, sub-orchestrations) and whether it finished.
/// Pure: no I/O, the same history gives the same result.
/// </summary>
internal static class OrchestrationExecutor
{
    public static TurnResult Execute(
        ITaskOrchestrator orchestrator,
        string instanceId,
        IReadOnlyList<HistoryEvent> past,
        IReadOnlyList<HistoryEvent> incoming,
        DataConverter converter,
        ILoggerFactory loggerFactory)
    {
        var all = past.Concat(incoming).ToList();
        var started = all.FirstOrDefault(e => e.EventType == HistoryEventTypes.ExecutionStarted)
            ?? throw new InvalidOperationException($"Instance {instanceId} has no ExecutionStarted event");
        var context = new ReplayOrchestrationContext(started.Name!, instanceId, started.Payload, converter, loggerFactory);
        var sync = new OrchestrationSynchronizationContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(sync);
        Task<object?>? run = null;
        try
        {
            var taskNames = new Dictionary<int, string>();
            for (var i = 0; i < all.Count; i++)
            {
                var e = all[i];
                context.IsReplaying = i < past.Count;
                switch (e.EventType)
                {
                    case HistoryEventTypes.OrchestratorStarted:
                        context.CurrentUtcDateTime = e.Timestamp;
                        break;
                    case HistoryEventTypes.ExecutionStarted:
                        run = Start(orchestrator, context, converter, e.Payload);
                        break;
                    case HistoryEventTypes.TaskScheduled or HistoryEventTypes.TimerCreated or HistoryEventTypes.SubOrchestrationInstanceCreated:
                        context.Confirm(e);
                        taskNames[e.TaskScheduledId!.Value] = e.Name ?? "";
                        break;
                    case HistoryEventTypes.TaskCompleted or HistoryEventTypes.SubOrchestrationInstanceCompleted or HistoryEventTypes.TimerFired:
                        context.Complete(e.TaskScheduledId!.Value, e.Payload);
                        break;
                    case HistoryEventTypes.TaskFailed or HistoryEventTypes.SubOrchestrationInstanceFailed:
                        context.Fail(e.TaskScheduledId!.Value, taskNames.GetValueOrDefault(e.TaskScheduledId.Value, e.Name ?? ""), e.Failure!);
                        break;
                    case HistoryEventTypes.EventRaised:
                        context.Raise(e.Name!, e.Payload);
                        break;
                }

                sync.Pump();
            }
        }
        catch (NonDeterministicOrchestrationException e)
        {
            return TurnResult.Failed(context, new TaskFailureDetails(typeof(NonDeterministicOrchestrationException).FullName!, "Non-deterministic orchestration: " + e.Message, IsNonRetriable: true));
        }
        finally
        {
            sync.TurnEnded = true;
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (run is null || !run.IsCompleted)
        {
            return new TurnResult(OrchestrationRuntimeStatus.Running, context.NewActions, null, null, context.CustomStatus, null, []);
        }

        if (context.ContinueAsNewRequest is { } next && run.IsCompletedSuccessfully)
        {
            return new TurnResult(
                OrchestrationRuntimeStatus.Running,
                [],
                null,
                null,
                context.CustomStatus,
                next.Input,
                next.PreserveEvents ? context.UnclaimedEvents.ToList() : []);
        }

        return run.IsCompletedSuccessfully
            ? new TurnResult(OrchestrationRuntimeStatus.Completed, [], converter.Serialize(run.Result), null, context.CustomStatus, null, [])
            : TurnResult.Failed(context, TaskFailureDetails.FromException(run.Exception?.InnerException ?? new OperationCanceledException("The orchestrator was cancelled")));
    }

    // An orchestrator that throws before its first await fails like one that throws later.
    private static Task<object?> Start(ITaskOrchestrator orchestrator, ReplayOrchestrationContext context, DataConverter converter, string? input)
    {
        try
        {
            return orchestrator.RunAsync(context, converter.Deserialize(input, orchestrator.InputType));
        }
        catch (Exception e)
        {
            return Task.FromException<object?>(e);
        }
    }
}

/// <param name="ContinueAsNewInput">Set when the orchestrator asked to start over with this input.</param>
internal sealed record TurnResult(
    OrchestrationRuntimeStatus Status,
    IReadOnlyList<OrchestratorAction> Actions,
    string? Output,
    TaskFailureDetails? Failure,
    string? CustomStatus,
    string? ContinueAsNewInput,
    IReadOnlyList<(string Name, string? Payload)> CarriedEvents)
{
    public bool ContinuesAsNew => this.ContinueAsNewInput is not null;

    public static TurnResult Failed(ReplayOrchestrationContext context, TaskFailureDetails failure) =>
        new(OrchestrationRuntimeStatus.Failed, [], null, failure, context.CustomStatus, null, []);
}
