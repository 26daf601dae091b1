using Microsoft.DurableTask.Client;
using VideoPipeline.Tests.Workflow.Orchestration;

namespace VideoPipeline.Tests.Durable;

/// <summary>Workers in separate hosts share one task hub: each takes activities from the same work-item queue.</summary>
public sealed class TwoWorkerTests
{
    [Fact]
    public async Task Two_workers_on_one_task_hub_share_the_work_of_a_fan_out()
    {
        var hub = DurableTestHost.NewHub();
        await using var first = await DurableTestHost.StartAsync(EngineTasks.Register, hub: hub);
        await using var second = await DurableTestHost.StartAsync(EngineTasks.Register, hub: hub);
        second.KeepHubOnDispose = true;

        var id = await first.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SlowFanOut), 40);
        var result = await first.WaitAsync(id, TimeSpan.FromSeconds(120));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(40, result.ReadOutputAs<int>());
        var (byFirst, bySecond) = (first.Get<CallLog>().Count($"sleep:{id}"), second.Get<CallLog>().Count($"sleep:{id}"));
        Assert.True(byFirst > 0 && bySecond > 0, $"first ran {byFirst}, second {bySecond}");
        Assert.True(byFirst + bySecond >= 40, $"only {byFirst + bySecond} of 40 ran");
    }
}
