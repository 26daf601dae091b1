using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VideoPipeline.Durable;
using VideoPipeline.Tests.Workflow.Orchestration;

namespace VideoPipeline.Tests.Durable;

/// <summary>Microsoft.DurableTask workflows on the local backend: the Durable Task Framework on Azurite.</summary>
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
        var result = await this.Host.RunAsync(nameof(FanOut), 200, timeout: TimeSpan.FromSeconds(180));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 200).Sum(i => (long)i * i), result.ReadOutputAs<long>());
        var completed = (await this.Host.HistoryAsync(result.InstanceId)).OfType<TaskCompletedEvent>().ToList();
        Assert.Equal(200, completed.Count);
        Assert.Equal(200, completed.Select(e => e.TaskScheduledId).Distinct().Count());
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
    public async Task Timer_fires_after_its_due_time_within_the_emulator_s_whole_second()
    {
        // Azurite truncates a message's visibility delay to whole seconds: a timer may fire up to 1 s early.
        var result = await this.Host.RunAsync(nameof(Timer), 3.0);

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
        var result = await this.Host.RunAsync(nameof(Approval), 2.0);

        Assert.Equal("timed out", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_restarts_with_the_new_input_and_a_fresh_history()
    {
        var result = await this.Host.RunAsync(nameof(Counter), 0);

        Assert.Equal(3, result.ReadOutputAs<int>());
        var history = await this.Host.HistoryAsync(result.InstanceId);
        Assert.Single(history.OfType<TaskScheduledEvent>());
        Assert.Equal("2", history.OfType<ExecutionStartedEvent>().Single().Input);
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
        var failure = result.FailureDetails!;
        Assert.Contains("'Flaky'", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("this can never work", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.True(failure.IsCausedBy<Microsoft.DurableTask.TaskFailedException>());
        Assert.Equal(typeof(Domain.PermanentPipelineException).FullName, failure.InnerFailure!.ErrorType);
    }

    [Fact]
    public async Task Activity_failure_keeps_its_exception_data_as_properties()
    {
        var key = Guid.NewGuid().ToString("N");

        var result = await this.Host.RunAsync(nameof(RetryingFlaky), new FlakyInput(key, Failures: 0, Permanent: true));

        Assert.Equal("BAD_THING", result.FailureDetails!.InnerFailure!.Property("code"));
    }

    [Fact]
    public async Task Schedule_with_an_existing_instance_id_and_dedupe_statuses_keeps_the_first()
    {
        var id = "same-" + Guid.NewGuid().ToString("N");
        var options = new StartOrchestrationOptions(id) { DedupeStatuses = ["Running", "Completed", "Failed", "Terminated", "Suspended"] };

        await this.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Chain), 2, options);
        await this.Host.WaitAsync(id);
        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => this.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Chain), 7, options));

        Assert.Equal(2, (await this.Host.WaitAsync(id)).ReadOutputAs<int>());
    }

    [Fact]
    public async Task Terminate_stops_the_instance_and_cancels_its_running_activity_within_5_seconds()
    {
        var log = this.Host.Get<CallLog>();
        var id = await this.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Sleeper), 600_000);
        await this.Host.WaitUntilAsync(id, _ => log.Count($"sleep:{id}") == 1);

        await this.Host.Client.TerminateInstanceAsync(id, "user cancelled");

        var result = await this.Host.WaitAsync(id, TimeSpan.FromSeconds(20));
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("\"user cancelled\"", result.SerializedOutput);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (log.Count($"sleep-cancelled:{id}") == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1, log.Count($"sleep-cancelled:{id}"));
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

        Assert.Equal(1, (await this.Host.Client.PurgeInstanceAsync(result.InstanceId)).PurgedInstanceCount);
        Assert.Null(await this.Host.Client.GetInstanceAsync(result.InstanceId));
    }

    [Fact]
    public async Task Purge_of_a_running_instance_is_refused()
    {
        var id = await this.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Approval), 60.0);
        await this.Host.WaitUntilAsync(id, m => m.SerializedCustomStatus is not null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => this.Host.Client.PurgeInstanceAsync(id));
        await this.Host.Client.TerminateInstanceAsync(id);
    }

    [Fact]
    public async Task Query_by_status_and_prefix_pages_with_a_continuation_token()
    {
        var prefix = "q" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 5; i++)
        {
            await this.Host.RunAsync(nameof(Chain), 1, instanceId: $"{prefix}-{i}");
        }

        var query = new OrchestrationQuery { InstanceIdPrefix = prefix, Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = 3 };
        var pages = new List<Page<OrchestrationMetadata>>();
        await foreach (var page in this.Host.Client.GetAllInstancesAsync(query).AsPages(pageSizeHint: 3))
        {
            pages.Add(page);
        }

        Assert.Equal([3, 2], pages.Select(p => p.Values.Count));
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Equal(5, pages.SelectMany(p => p.Values).Select(i => i.InstanceId).Distinct().Count());
    }

    [Fact]
    public async Task GetInstance_of_an_unknown_id_is_null()
    {
        Assert.Null(await this.Host.Client.GetInstanceAsync("nope-" + Guid.NewGuid()));
    }
}
