using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VideoPipeline.DependencyInjection;
using VideoPipeline.Durable;
using VideoPipeline.Durable.Hosting;
using VideoPipeline.Storage;
using VideoPipeline.Tests.TestSupport;
using VideoPipeline.Tests.Workflow.Orchestration;

namespace VideoPipeline.Tests.Durable;

/// <summary>
/// The local Durable backend (the Durable Task Framework on Azurite) with a private task hub, its worker running in
/// this process (unless asked not to), and the test orchestrations and activities registered.
/// </summary>
public sealed class DurableTestHost : IAsyncDisposable
{
    private readonly IHost host;
    private bool started;

    private DurableTestHost(IHost host, string hub)
    {
        this.host = host;
        this.Hub = hub;
    }

    public string Hub { get; }

    public DurableTaskClient Client => this.Get<DurableTaskClient>();

    public T Get<T>()
        where T : notnull => this.host.Services.GetRequiredService<T>();

    /// <summary>Leave the hub for another host (restart tests).</summary>
    public bool KeepHubOnDispose { get; set; }

    public static string NewHub() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The settings every test host uses: fast polling, short visibility timeouts, the test database.</summary>
    public static Dictionary<string, string?> Settings(string hub) => new()
    {
        ["DurableTask:HubName"] = hub,
        ["DurableTask:StorageProvider:PartitionCount"] = "1",
        ["DurableTask:StorageProvider:MaxQueuePollingInterval"] = "00:00:00.2",
        ["DurableTask:StorageProvider:WorkItemQueueVisibilityTimeout"] = "00:00:10",
        ["DurableTask:StorageProvider:ControlQueueVisibilityTimeout"] = "00:00:10",
        ["DurableTask:StorageProvider:LeaseInterval"] = "00:00:06",
        ["DurableTask:StorageProvider:LeaseRenewInterval"] = "00:00:02",
        ["DurableTask:StorageProvider:LeaseAcquireInterval"] = "00:00:01",
        ["DurableTask:CancellationPollInterval"] = "00:00:00.5",
        ["TaskStore:Database"] = "vftests",
        ["Storage:RetryDelay"] = "00:00:00.1",
    };

    public static async Task<DurableTestHost> StartAsync(
        Action<WorkflowRegistry> register,
        IDictionary<string, string?>? settings = null,
        bool startWorker = true,
        string? hub = null,
        Action<IServiceCollection>? configure = null)
    {
        await Emulators.EnsureStartedAsync();
        hub ??= NewHub();
        var values = Settings(hub);
        foreach (var setting in settings ?? new Dictionary<string, string?>())
        {
            values[setting.Key] = setting.Value;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.AddFilter(_ => false);
        builder.Services
            .AddSingleton<CallLog>()
            .AddSingleton<ConcurrencyGauge>()
            .AddAzureStorage(builder.Configuration)
            .AddTaskStore(builder.Configuration)
            .AddPipelineWorkflows(builder.Configuration)
            .AddDurableTaskHub(builder.Configuration)
            .AddWorkflows(register);
        configure?.Invoke(builder.Services);
        var host = new DurableTestHost(builder.Build(), hub);
        if (startWorker)
        {
            await host.StartWorkerAsync();
        }

        return host;
    }

    public async Task StartWorkerAsync()
    {
        this.started = true;
        await this.host.StartAsync();
    }

    public async Task<OrchestrationMetadata> RunAsync(string orchestrator, object? input, string? instanceId = null, TimeSpan? timeout = null)
    {
        var id = await this.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId));
        return await this.WaitAsync(id, timeout);
    }

    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        return await this.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, limit.Token);
    }

    /// <summary>Waits until the instance satisfies <paramref name="condition"/>.</summary>
    public async Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var metadata = await this.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (metadata is not null && condition(metadata))
            {
                return metadata;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{instanceId} never reached the expected state (last: {metadata?.RuntimeStatus})");
            await Task.Delay(50);
        }
    }

    public async Task<IList<DurableTask.Core.History.HistoryEvent>> HistoryAsync(string instanceId) =>
        await this.Client.GetOrchestrationHistoryAsync(instanceId);

    public async ValueTask DisposeAsync()
    {
        if (this.started)
        {
            await this.host.StopAsync();
        }

        if (!this.KeepHubOnDispose)
        {
            await this.Get<TaskHubMaintenance>().DeleteAsync(CancellationToken.None);
        }

        this.host.Dispose();
    }
}
