using System.Diagnostics;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VideoPipeline.Domain;
using VideoPipeline.Durable;
using VideoPipeline.Host.Diagnostics;
using VideoPipeline.Jobs;
using VideoPipeline.Media.Probing;
using VideoPipeline.Storage;
using VideoPipeline.Tests.TestSupport;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Tests.Durable;

/// <summary>
/// The real host as child processes (<c>worker</c>), killed with SIGKILL at random moments and started again:
/// nothing is lost, nothing is recorded twice, nothing stays running, and an activity that kills every worker
/// that runs it ends in a bounded number of deliveries.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const int Steps = 6;
    private readonly TempDirectory temp = new();
    private readonly string prefix = Emulators.UniquePrefix();
    private readonly List<Process> workers = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> workerErrors = new();

    // Short visibility and lease times, so a killed worker's work comes back within seconds.
    private static readonly string[] FastRecovery =
    [
        "DurableTask__StorageProvider__WorkItemQueueVisibilityTimeout=00:00:08",
        "DurableTask__StorageProvider__ControlQueueVisibilityTimeout=00:00:08",
        "DurableTask__StorageProvider__LeaseInterval=00:00:04",
        "DurableTask__StorageProvider__LeaseRenewInterval=00:00:01",
        "DurableTask__StorageProvider__LeaseAcquireInterval=00:00:01",
        "BlobTrigger__Enabled=false",
    ];

    [Fact]
    public async Task Workers_killed_repeatedly_during_five_generate_jobs_finish_each_with_one_playable_video()
    {
        using var services = new TestServices(new Dictionary<string, string?> { ["DurableTask:WorkerEnabled"] = "false" }, prefix: this.prefix);
        string[] prompts =
        [
            "A short ad for Maple Harbor coffee at dawn",
            "Three steps to a cleaner kitchen, 1, 2, 3",
            "Ein kurzer Spot für frisches Brot",
            "Rain on a tin roof, a quiet evening",
            "A 10% discount on every bicycle this week",
        ];
        var jobs = services.Get<VideoJobs>();
        var ids = new List<string>();
        foreach (var prompt in prompts)
        {
            var request = new VideoRequest { Prompt = prompt, DurationSeconds = 4, Captions = true };
            ids.Add((await jobs.SubmitAsync(new JobSubmission("crash", request), CancellationToken.None)).JobId);
        }

        var seed = Environment.TickCount;
        var random = new Random(seed);
        for (var kill = 0; kill < 4; kill++)
        {
            var worker = this.StartWorker();
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(3000, 9000)));
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        this.StartWorker();
        this.StartWorker();
        var client = services.Get<DurableTaskClient>();
        var store = services.Get<IAssetStore>();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        foreach (var id in ids)
        {
            var result = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, limit.Token);
            Assert.True(result.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id} {result.RuntimeStatus} (kill seed {seed}): {result.FailureDetails?.ErrorMessage}");

            // One final video per job, at the job's own name, that plays for the requested length.
            var output = result.ReadOutputAs<GenerateVideoResult>()!;
            Assert.Equal(new AssetRef(AssetContainers.Final, $"{id}/video.mp4"), output.Final.Video);
            var record = await services.Get<VideoPipeline.Storage.Tasks.ITaskStore>().GetAsync("crash", id);
            Assert.Equal(output.Final.Video.ToString(), record!.Output![JobOutputs.FinalVideo]);
            Assert.NotNull(await store.GetPropertiesAsync(output.Final.Video));
            var info = await services.Get<IMediaProbe>().ProbeAsync(await services.DownloadAsync(output.Final.Video), CancellationToken.None);
            Assert.InRange(info.DurationSeconds ?? 0, 3.9, 4.1);
        }
    }

    [Fact]
    public async Task Worker_killed_repeatedly_completes_every_orchestration_with_each_result_recorded_once()
    {
        await using var client = await this.ClientAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await client.Client.ScheduleNewOrchestrationInstanceAsync(TaskNames.Of<SlowChainProbe>(), new SlowChainInput(Steps, 400)));
        }

        var seed = Environment.TickCount;
        var random = new Random(seed);
        for (var kill = 0; kill < 4; kill++)
        {
            var worker = this.StartWorker();
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(2000, 5000)));
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        this.StartWorker();
        foreach (var id in ids)
        {
            var result = await client.WaitAsync(id, TimeSpan.FromMinutes(2));
            Assert.True(result.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id} {result.RuntimeStatus} (kill seed {seed}): {result.FailureDetails?.ErrorMessage}");
            Assert.Equal(Steps, result.ReadOutputAs<int>());

            var history = await client.HistoryAsync(id);
            var completed = history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId).ToList();
            Assert.Equal(Steps, completed.Count);
            Assert.Equal(Steps, completed.Distinct().Count());
            Assert.Equal(Steps, history.OfType<TaskScheduledEvent>().Count());
        }

        var unfinished = new List<string>();
        await foreach (var instance in client.Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending] }))
        {
            unfinished.Add(instance.InstanceId);
        }

        Assert.Empty(unfinished);
    }

    [Fact]
    public async Task Activity_that_kills_every_worker_running_it_fails_the_orchestration_after_a_bounded_number_of_deliveries()
    {
        await using var client = await this.ClientAsync();
        var marker = Guid.NewGuid().ToString("N");
        var id = await client.Client.ScheduleNewOrchestrationInstanceAsync(TaskNames.Of<CrashProbe>(), marker);

        // A worker either dies on the activity or, once its deliveries ran out, fails it and lives; a slow start is waited for.
        var deaths = 0;
        while (!(await client.Client.GetInstanceAsync(id))!.IsCompleted)
        {
            Assert.True(deaths < 8, $"still running after {deaths} dead workers: {string.Join(" | ", this.workerErrors.TakeLast(30))}");
            var worker = this.StartWorker($"{CrashActivity.Variable}={marker}", "DurableTask__MaxActivityDeliveries=2");
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!worker.HasExited && !(await client.Client.GetInstanceAsync(id))!.IsCompleted)
            {
                Assert.True(DateTime.UtcNow < deadline, "a worker neither died nor finished the orchestration");
                await Task.Delay(200);
            }

            if (worker.HasExited)
            {
                deaths++;
                this.workerErrors.Enqueue($"worker exited with {worker.ExitCode}");
            }
        }

        var result = await client.WaitAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.True(deaths == 2, $"{deaths} workers died; their errors: {string.Join(" | ", this.workerErrors.TakeLast(20))}");
        Assert.Contains(TaskNames.Of<CrashActivity>(), result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("worker stopped each time", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
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
        new Dictionary<string, string?> { ["DurableTask:WorkerEnabled"] = "false" },
        startWorker: false,
        hub: TestServices.HubOf(this.prefix));

    private Process StartWorker(params string[] settings)
    {
        var worker = HostProcess.Start(this.temp.Path, this.prefix, [.. FastRecovery, .. settings], "worker");
        worker.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                this.workerErrors.Enqueue(line);
            }
        };
        this.workers.Add(worker);
        return worker;
    }
}
