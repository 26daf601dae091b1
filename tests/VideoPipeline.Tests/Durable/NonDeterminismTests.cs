using VideoPipeline.Durable;

namespace VideoPipeline.Tests.Durable;

public sealed class NonDeterminismTests
{
    [Fact]
    public async Task Replay_that_schedules_something_else_fails_the_instance_with_a_clear_error()
    {
        await using var host = await DurableTestHost.StartAsync(EngineTasks.Register);
        Fickle.Changed = false;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Fickle), 1);
        await host.WaitUntilAsync(
            id,
            m => m.History!.Any(e => e.EventType == HistoryEventTypes.TaskCompleted),
            withHistory: true);

        // The code changes while the instance waits; the next turn replays the old history against it.
        Fickle.Changed = true;
        await host.Client.RaiseEventAsync(id, "go", "now");

        var result = await host.WaitAsync(id);
        Fickle.Changed = false;
        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("Non-deterministic orchestration", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'AddOne'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'Square'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }
}
