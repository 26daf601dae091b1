using VideoPipeline.Domain;
using VideoPipeline.Durable;
using VideoPipeline.Durable.Engine;
using VideoPipeline.Tests.Workflow.Orchestration;

namespace VideoPipeline.Tests.Durable;

/// <summary>The engine's behaviour on the real backends: Azurite queues, Cosmos DB history.</summary>
public sealed class DurableEngineTests(DurableHostFixture fixture) : IClassFixture<DurableHostFixture>
{
    private DurableTestHost Host => fixture.Host;

    [Fact]
    public async Task Chain_of_activities_passes_each_result_to_the_next()
    {
        var result = await this.Host.RunAsync(nameof(Chain), 5);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(5, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task FanOut_of_200_activities_fans_in_every_result_once()
    {
        var result = await this.Host.RunAsync(nameof(FanOut), 200, timeout: TimeSpan.FromSeconds(120));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 200).Sum(i => (long)i * i), result.ReadOutputAs<long>());
        var history = (await this.Host.Client.GetInstanceAsync(result.InstanceId, getHistory: true))!.History!;
        Assert.Equal(200, history.Count(e => e.EventType == HistoryEventTypes.TaskCompleted));
        Assert.Equal(200, history.Where(e => e.EventType == HistoryEventTypes.TaskCompleted).Select(e => e.TaskScheduledId).Distinct().Count());
    }

    [Fact]
    public async Task SubOrchestration_result_returns_to_the_parent()
    {
        var result = await this.Host.RunAsync(nameof(Parent), 4);

        Assert.Equal(40, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task SubOrchestration_failure_reaches_the_parent_as_a_task_failure()
    {
        var result = await this.Host.RunAsync(nameof(FailingParent), "boom");

        Assert.Equal("caught: boom", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Timer_fires_after_its_due_time()
    {
        var result = await this.Host.RunAsync(nameof(Timer), 2.0);

        Assert.InRange(result.ReadOutputAs<double>(), 2.0, 10.0);
    }

    [Fact]
    public async Task ExternalEvent_raised_while_waiting_completes_the_wait()
    {
        var id = await this.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Approval), 30.0);
        await this.Host.WaitUntilAsync(id, m => m.SerializedCustomStatus is not null);

        await this.Host.Client.RaiseEventAsync(id, "approve", "ana");

        Assert.Equal("approved by ana", (await this.Host.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task ExternalEvent_not_raised_times_out()
    {
        var result = await this.Host.RunAsync(nameof(Approval), 1.0);

        Assert.Equal("timed out", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_restarts_with_the_new_input_and_a_fresh_history()
    {
        var result = await this.Host.RunAsync(nameof(Counter), 0);

        Assert.Equal(3, result.ReadOutputAs<int>());
        var history = (await this.Host.Client.GetInstanceAsync(result.InstanceId, getHistory: true))!.History!;
        Assert.Single(history, e => e.EventType == HistoryEventTypes.TaskScheduled);
        Assert.Equal("2", history.Single(e => e.EventType == HistoryEventTypes.ExecutionStarted).Payload);
    }

    [Fact]
    public async Task Retry_transient_failure_succeeds_on_the_third_attempt()
    {
        var key = Guid.NewGuid().ToString("N");

        var result = await this.Host.RunAsync(nameof(RetryingFlaky), new FlakyInput(key, Failures: 2));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(3, this.Host.Get<CallLog>().Count(key));
    }

    [Fact]
    public async Task Retry_permanent_failure_fails_at_once_naming_type_message_and_activity()
    {
        var key = Guid.NewGuid().ToString("N");

        var result = await this.Host.RunAsync(nameof(RetryingFlaky), new FlakyInput(key, Failures: 0, Permanent: true));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(1, this.Host.Get<CallLog>().Count(key));
        Assert.Equal(typeof(TaskFailedException).FullName, result.FailureDetails!.ErrorType);
        Assert.Contains("Task 'Flaky' failed", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("this can never work", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_with_an_existing_instance_id_is_idempotent()
    {
        var id = "same-" + Guid.NewGuid().ToString("N");

        await this.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Chain), 2, new() { InstanceId = id });
        await this.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Chain), 7, new() { InstanceId = id });

        Assert.Equal(2, (await this.Host.WaitAsync(id)).ReadOutputAs<int>());
    }

    [Fact]
    public async Task StartInstance_with_an_existing_instance_id_returns_the_stored_instance()
    {
        var id = "same-" + Guid.NewGuid().ToString("N");

        var first = await this.Host.Client.StartInstanceAsync(nameof(Chain), 2, new() { InstanceId = id });
        var second = await this.Host.Client.StartInstanceAsync(nameof(Chain), 7, new() { InstanceId = id });

        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Equal(2, second.ReadInputAs<int>());
        Assert.Equal(2, (await this.Host.WaitAsync(id)).ReadOutputAs<int>());
    }

    [Fact]
    public async Task StartInstance_again_after_the_start_message_was_lost_runs_the_instance()
    {
        // The document was written, then the caller died before sending its start message.
        var id = "lost-" + Guid.NewGuid().ToString("N");
        var start = new WorkMessage
        {
            Id = $"{id}:start",
            Kind = WorkMessageKind.ExecutionStarted,
            InstanceId = id,
            ExecutionId = Guid.NewGuid().ToString("N"),
            Name = nameof(Chain),
            Payload = "3",
        };
        Assert.NotNull(await this.Host.Engine.Store.TryCreateAsync(OrchestrationDispatcher.NewInstance(start, DateTime.UtcNow), CancellationToken.None));

        await this.Host.Client.StartInstanceAsync(nameof(Chain), 3, new() { InstanceId = id });

        Assert.Equal(3, (await this.Host.WaitAsync(id)).ReadOutputAs<int>());
    }

    [Fact]
    public async Task Terminate_stops_the_instance_and_cancels_its_running_activity()
    {
        var id = await this.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Sleeper), 60_000);
        await this.Host.WaitUntilAsync(id, _ => this.Host.Get<CallLog>().Count($"sleep:{id}") == 1);

        Assert.True(await this.Host.Client.TerminateInstanceAsync(id, "user cancelled"));

        var result = await this.Host.WaitAsync(id, TimeSpan.FromSeconds(20));
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("\"user cancelled\"", result.SerializedOutput);
        Assert.DoesNotContain(id, this.Host.Engine.InstancesWithRunningActivities);
    }

    [Fact]
    public async Task Suspend_holds_events_until_resume()
    {
        var id = await this.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TwoSteps), 0);
        await this.Host.WaitUntilAsync(id, m => m.SerializedCustomStatus is not null);

        await this.Host.Client.SuspendInstanceAsync(id, "hold");
        await this.Host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);
        await this.Host.Client.RaiseEventAsync(id, "continue", "now");
        await Task.Delay(1500);
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await this.Host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await this.Host.Client.ResumeInstanceAsync(id, "go");

        var result = await this.Host.WaitAsync(id);
        Assert.Equal(2, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task Purge_removes_a_finished_instance_and_its_history()
    {
        var result = await this.Host.RunAsync(nameof(Chain), 1);

        Assert.True(await this.Host.Client.PurgeInstanceAsync(result.InstanceId));
        Assert.Null(await this.Host.Client.GetInstanceAsync(result.InstanceId));
    }

    [Fact]
    public async Task Restart_runs_a_finished_instance_again_from_its_input()
    {
        var first = await this.Host.RunAsync(nameof(Chain), 3);

        await this.Host.Client.RestartAsync(first.InstanceId);

        var again = await this.Host.WaitUntilAsync(first.InstanceId, m => m.IsCompleted && m.LastUpdatedAt > first.LastUpdatedAt);
        Assert.Equal(3, again.ReadOutputAs<int>());
    }

    [Fact]
    public async Task Query_by_status_and_prefix_pages_with_a_continuation_token()
    {
        var prefix = "q" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 5; i++)
        {
            await this.Host.RunAsync(nameof(Chain), 1, instanceId: $"{prefix}-{i}");
        }

        var first = await this.Host.Client.QueryInstancesAsync(new() { InstanceIdPrefix = prefix, Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = 3 });
        var second = await this.Host.Client.QueryInstancesAsync(new() { InstanceIdPrefix = prefix, Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = 3, ContinuationToken = first.ContinuationToken });

        Assert.Equal(3, first.Instances.Count);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(2, second.Instances.Count);
        Assert.Null(second.ContinuationToken);
        Assert.Equal(5, first.Instances.Concat(second.Instances).Select(i => i.InstanceId).Distinct().Count());
    }

    [Fact]
    public async Task Duplicate_delivery_of_a_result_and_an_event_gives_one_history_event_each()
    {
        var id = await this.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TwoSteps), 0);
        await this.Host.WaitUntilAsync(id, m => m.SerializedCustomStatus is not null);
        var state = (await this.Host.Engine.Store.GetInstanceAsync(id, CancellationToken.None))!;
        var duplicateResult = new VideoPipeline.Durable.Engine.WorkMessage
        {
            Id = $"{id}:{state.ExecutionId}:result:0",
            Kind = VideoPipeline.Durable.Engine.WorkMessageKind.TaskCompleted,
            InstanceId = id,
            ExecutionId = state.ExecutionId,
            TaskId = 0,
            Name = nameof(AddOne),
            Payload = "1",
        };
        var theEvent = duplicateResult with { Id = $"{id}:event:dup", Kind = VideoPipeline.Durable.Engine.WorkMessageKind.EventRaised, TaskId = null, Name = "continue", Payload = "\"x\"" };

        await this.Host.Engine.SendAsync(duplicateResult, CancellationToken.None);
        await this.Host.Engine.SendAsync(theEvent, CancellationToken.None);
        await this.Host.Engine.SendAsync(theEvent, CancellationToken.None);

        var result = await this.Host.WaitAsync(id);
        Assert.Equal(2, result.ReadOutputAs<int>());
        var history = (await this.Host.Client.GetInstanceAsync(id, getHistory: true))!.History!;
        Assert.Single(history, e => e.EventType == HistoryEventTypes.TaskCompleted && e.TaskScheduledId == 0);
        Assert.Single(history, e => e.EventType == HistoryEventTypes.EventRaised);
    }

    [Fact]
    public async Task GetInstance_unknown_id_is_null_and_raising_to_it_throws_not_found()
    {
        Assert.Null(await this.Host.Client.GetInstanceAsync("nope-" + Guid.NewGuid()));
        await Assert.ThrowsAsync<VideoPipeline.Durable.Engine.OrchestrationNotFoundException>(() => this.Host.Client.RaiseEventAsync("nope", "x"));
    }
}
