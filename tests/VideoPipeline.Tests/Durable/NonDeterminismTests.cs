using Microsoft.DurableTask.Client;

namespace VideoPipeline.Tests.Durable;

public sealed class NonDeterminismTests
{
    [Fact]
    public async Task Replay_that_schedules_something_else_fails_the_instance_with_a_clear_error()
    {
        await using var host = await DurableTestHost.StartAsync(EngineTasks.Register, new Dictionary<string, string?> { ["DurableTask:ExtendedSessionsEnabled"] = "false" });
        Fickle.Changed = false;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Fickle), 1);
        await host.WaitUntilAsync(id, m => m.SerializedCustomStatus is not null);

        // The code changes while the instance waits; the next turn replays the old history against it.
        Fickle.Changed = true;
        await host.Client.RaiseEventAsync(id, "go", "now");

        var result = await host.WaitAsync(id);
        Fickle.Changed = false;
        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("Non-Deterministic", result.FailureDetails!.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("AddOne", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }
}
