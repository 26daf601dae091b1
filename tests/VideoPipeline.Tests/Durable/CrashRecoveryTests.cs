using System.Diagnostics;
using VideoPipeline.Durable;
using VideoPipeline.Host.Diagnostics;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Durable;

/// <summary>
/// The real host as a child process (<c>worker</c>), killed with SIGKILL at random moments and started
/// again: nothing is lost, nothing is recorded twice, nothing stays running.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const int Steps = 6;
    private readonly TempDirectory temp = new();
    private readonly string prefix = Emulators.UniquePrefix();
    private readonly List<Process> workers = [];

    [Fact]
    public async Task Worker_killed_repeatedly_completes_every_orchestration_with_each_result_recorded_once()
    {
        await using var client = await this.ClientAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await client.Client.ScheduleNewOrchestrationInstanceAsync(EngineProbes.SlowChain, new SlowChainInput(Steps, 400)));
        }

        var seed = Environment.TickCount;
        var random = new Random(seed);
        for (var kill = 0; kill < 4; kill++)
        {
            var worker = this.StartWorker(maxDequeueCount: 50);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1500, 4500)));
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        this.StartWorker(maxDequeueCount: 50);
        foreach (var id in ids)
        {
            var result = await client.WaitAsync(id, TimeSpan.FromMinutes(2));
            Assert.True(result.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id} {result.RuntimeStatus} (kill seed {seed}): {result.FailureDetails?.ErrorMessage}");
            Assert.Equal(Steps, result.ReadOutputAs<int>());

            var history = (await client.Client.GetInstanceAsync(id, getHistory: true))!.History!;
            var completed = history.Where(e => e.EventType == HistoryEventTypes.TaskCompleted).Select(e => e.TaskScheduledId).ToList();
            Assert.Equal(Steps, completed.Count);
            Assert.Equal(Steps, completed.Distinct().Count());
            Assert.Equal(Steps, history.Count(e => e.EventType == HistoryEventTypes.TaskScheduled));
        }

        var (running, _) = await client.Client.QueryInstancesAsync(new VideoPipeline.Durable.Engine.InstanceQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending],
        });
        Assert.Empty(running);
    }

    [Fact]
    public async Task Activity_whose_worker_dies_every_time_fails_as_poison_instead_of_looping()
    {
        await using var client = await this.ClientAsync();
        var id = await client.Client.ScheduleNewOrchestrationInstanceAsync(EngineProbes.SlowChain, new SlowChainInput(1, 600_000));

        for (var attempt = 0; attempt < 8 && !(await client.Client.GetInstanceAsync(id))!.IsCompleted; attempt++)
        {
            var worker = this.StartWorker(maxDequeueCount: 2);
            await Task.Delay(TimeSpan.FromSeconds(5));
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        this.StartWorker(maxDequeueCount: 2);
        var result = await client.WaitAsync(id, TimeSpan.FromSeconds(60));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("without finishing", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(EngineProbes.Step, result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var worker in this.workers.Where(w => !w.HasExited))
        {
            worker.Kill(entireProcessTree: true);
            worker.WaitForExit();
        }

        this.workers.ForEach(w => w.Dispose());
        this.temp.Dispose();
    }

    // This process only starts and reads orchestrations; the child processes run them.
    private Task<DurableTestHost> ClientAsync() => DurableTestHost.StartAsync(
        EngineProbes.Register,
        new Dictionary<string, string?> { ["Durable:WorkerEnabled"] = "false" },
        startWorker: false,
        hub: TestServices.HubOf(this.prefix));

    private Process StartWorker(int maxDequeueCount)
    {
        var worker = HostProcess.Start(
            this.temp.Path,
            this.prefix,
            [
                "Durable__ActivityVisibility=00:00:02",
                "Durable__ControlVisibility=00:00:02",
                "Durable__MaxPollingInterval=00:00:00.5",
                "Durable__MaxDequeueCount=" + maxDequeueCount,
            ],
            "worker");
        this.workers.Add(worker);
        return worker;
    }
}
