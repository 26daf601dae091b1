using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Durable;
using VideoPipeline.Durable.InProcess;

namespace VideoPipeline.Tests.Workflow.Orchestration;

public sealed class InProcessOrchestrationRunnerTests : IDisposable
{
    private readonly CallLog log = new();
    private readonly ServiceProvider services;
    private readonly InProcessOrchestrationRunner runner;

    public InProcessOrchestrationRunnerTests()
    {
        this.services = new ServiceCollection().AddSingleton(this.log).BuildServiceProvider();
        var registry = new TaskRegistry()
            .AddOrchestrator<EchoOrchestrator>("Echo")
            .AddOrchestrator<FlakyOrchestrator>("Flaky")
            .AddOrchestrator<FanOutOrchestrator>("FanOut")
            .AddOrchestrator<BlockingOrchestrator>("Blocking")
            .AddActivity<EchoActivity>("Echo")
            .AddActivity<FlakyActivity>("Flaky")
            .AddActivity<SlowActivity>("Slow")
            .AddActivity<BlockingActivity>("Blocking");
        var options = Options.Create(new InProcessRunnerOptions { MaxConcurrentActivities = 8, IsNonRetriable = e => e is PermanentPipelineException });
        this.runner = new InProcessOrchestrationRunner(this.services, registry, TimeProvider.System, options, NullLoggerFactory.Instance);
    }

    [Fact]
    public async Task RunAsync_activity_result_becomes_the_output()
    {
        var result = await this.runner.RunAsync("Echo", "i1", new EchoInput("hi", 7));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("hi:7", result.ReadOutput<string>());
    }

    [Fact]
    public async Task RunAsync_history_records_scheduled_and_completed_with_json_payloads()
    {
        var result = await this.runner.RunAsync("Echo", "i2", new EchoInput("x", 1));

        Assert.Equal(
            [HistoryEventTypes.ExecutionStarted, HistoryEventTypes.TaskScheduled, HistoryEventTypes.TaskCompleted, HistoryEventTypes.ExecutionCompleted],
            result.History.Select(e => e.EventType));
        Assert.Equal("""{"text":"x","number":1}""", result.History[1].Payload);
    }

    [Fact]
    public async Task RunAsync_transient_failures_are_retried_until_success()
    {
        var result = await this.runner.RunAsync("Flaky", "i3", new FlakyInput("t", Failures: 2));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(3, this.log.Count("t"));
    }

    [Fact]
    public async Task RunAsync_retries_stop_at_max_attempts()
    {
        var result = await this.runner.RunAsync("Flaky", "i4", new FlakyInput("m", Failures: 10));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(3, this.log.Count("m"));
    }

    [Fact]
    public async Task RunAsync_permanent_failure_is_not_retried_and_keeps_its_code()
    {
        var result = await this.runner.RunAsync("Flaky", "i5", new FlakyInput("p", Failures: 0, Permanent: true));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(1, this.log.Count("p"));
        var failed = Assert.Single(result.History, e => e.EventType == HistoryEventTypes.TaskFailed);
        Assert.Equal("BAD_THING", failed.Failure!.Properties["code"]);
        Assert.True(failed.Failure.IsCausedBy<PermanentPipelineException>());
    }

    [Fact]
    public async Task RunAsync_orchestrator_continuations_never_run_concurrently()
    {
        var result = await this.runner.RunAsync("FanOut", "i6", 12);

        var output = result.ReadOutput<FanOutResult>();
        Assert.Equal(12, output.Counter);
        Assert.Equal(1, output.MaxConcurrentContinuations);
        Assert.Equal(Enumerable.Range(0, 12).Sum() * 2, output.Sum);
    }

    [Fact]
    public async Task RunAsync_custom_status_is_reported_as_json()
    {
        var statuses = new List<string>();
        var result = await this.runner.RunAsync("FanOut", "i7", 3, new OrchestrationCallbacks { OnCustomStatus = statuses.Add });

        Assert.Equal("""{"done":3}""", statuses[^1]);
        Assert.Equal("""{"done":3}""", result.SerializedCustomStatus);
    }

    [Fact]
    public async Task NewGuid_differs_per_call_and_is_name_based()
    {
        var a = (await this.runner.RunAsync("FanOut", "same-id", 1)).ReadOutput<FanOutResult>();

        Assert.NotEqual(a.First, a.Second);
        Assert.Equal(DeterministicGuid.Create("x"), DeterministicGuid.Create("x"));
        Assert.NotEqual(DeterministicGuid.Create("x"), DeterministicGuid.Create("y"));
    }

    [Fact]
    public async Task RunAsync_cancellation_terminates_and_cancels_running_activities()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var result = await this.runner.RunAsync("Blocking", "i8", "x", cancellationToken: cancel.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
    }

    [Fact]
    public void RetryPolicy_delay_grows_by_coefficient_and_is_capped()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(5), 2, TimeSpan.FromSeconds(12));

        Assert.Equal(TimeSpan.FromSeconds(5), policy.DelayBefore(2));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.DelayBefore(3));
        Assert.Equal(TimeSpan.FromSeconds(12), policy.DelayBefore(4));
    }

    public void Dispose()
    {
        this.runner.Dispose();
        this.services.Dispose();
    }
}
