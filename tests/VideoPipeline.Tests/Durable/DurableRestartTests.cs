using DurableTask.Core.History;
using Microsoft.DurableTask.Client;

namespace VideoPipeline.Tests.Durable;

/// <summary>State lives in the backend, not the process: a new worker picks up where the last one stopped.</summary>
public sealed class DurableRestartTests
{
    [Fact]
    public async Task Timer_created_before_a_restart_fires_in_the_next_worker()
    {
        var hub = DurableTestHost.NewHub();
        string id;
        await using (var before = await DurableTestHost.StartAsync(EngineTasks.Register, hub: hub))
        {
            before.KeepHubOnDispose = true;
            id = await before.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Timer), 4.0);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!(await before.HistoryAsync(id)).OfType<TimerCreatedEvent>().Any())
            {
                Assert.True(DateTime.UtcNow < deadline, "the timer was never created");
                await Task.Delay(100);
            }
        }

        await using var after = await DurableTestHost.StartAsync(EngineTasks.Register, hub: hub);
        var result = await after.WaitAsync(id, TimeSpan.FromSeconds(60));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.InRange(result.ReadOutputAs<double>(), 3.0, 30.0);
    }

    [Fact]
    public async Task Instance_scheduled_while_no_worker_runs_starts_when_one_does()
    {
        await using var host = await DurableTestHost.StartAsync(EngineTasks.Register, startWorker: false);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Chain), 3);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await host.StartWorkerAsync();

        Assert.Equal(3, (await host.WaitAsync(id)).ReadOutputAs<int>());
    }
}
