using System.Text;
using VideoPipeline.Durable;
using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Tests.Durable;

/// <summary>State lives in the backends, not the process: a new worker picks up where the last one stopped.</summary>
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
            id = await before.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Timer), 3.0);
            await before.WaitUntilAsync(id, m => m.History!.Any(e => e.EventType == HistoryEventTypes.TimerCreated), withHistory: true);
        }

        await using var after = await DurableTestHost.StartAsync(EngineTasks.Register, hub: hub);
        var result = await after.WaitAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.InRange(result.ReadOutputAs<double>(), 3.0, 10.0);
    }

    [Fact]
    public async Task Corrupt_control_message_is_set_aside_and_work_goes_on()
    {
        await using var host = await DurableTestHost.StartAsync(EngineTasks.Register);
        var queues = host.Get<QueueServiceClient>();
        await queues.CreateQueueAsync($"{host.Hub}-control");
        await queues.SendMessageAsync($"{host.Hub}-control", Encoding.UTF8.GetBytes("{not json"));

        var result = await host.RunAsync(nameof(Chain), 3);

        Assert.Equal(3, result.ReadOutputAs<int>());
        var poison = await queues.PeekMessagesAsync($"{host.Hub}-control{QueueServiceClient.PoisonSuffix}");
        Assert.Single(poison);
    }

    [Fact]
    public async Task Start_of_an_unregistered_orchestrator_is_refused_by_the_client()
    {
        await using var host = await DurableTestHost.StartAsync(EngineTasks.Register, startWorker: false);

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.Client.ScheduleNewOrchestrationInstanceAsync("NoSuchOrchestrator"));
    }
}
