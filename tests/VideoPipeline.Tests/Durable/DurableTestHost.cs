using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Durable;
using VideoPipeline.Durable.DependencyInjection;
using VideoPipeline.Durable.Engine;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Azure;
using VideoPipeline.Tests.TestSupport;
using VideoPipeline.Tests.Workflow.Orchestration;

namespace VideoPipeline.Tests.Durable;

/// <summary>
/// The durable engine on the real backends (Azurite queues, Cosmos DB history) with a private task
/// hub, its worker running in this process, and the test orchestrations and activities registered.
/// </summary>
public sealed class DurableTestHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly DurableWorker worker;
    private readonly CancellationTokenSource stop = new();

    private DurableTestHost(ServiceProvider provider, string hub)
    {
        this.provider = provider;
        this.Hub = hub;
        this.worker = provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DurableWorker>().Single();
    }

    public string Hub { get; }

    public DurableClient Client => this.provider.GetRequiredService<DurableClient>();

    public DurableEngine Engine => this.provider.GetRequiredService<DurableEngine>();

    public T Get<T>()
        where T : notnull => this.provider.GetRequiredService<T>();

    /// <summary>Leave the hub's queues for another host (restart tests).</summary>
    public bool KeepHubOnDispose { get; set; }

    public static string NewHub() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<DurableTestHost> StartAsync(
        Action<TaskRegistry> register, IDictionary<string, string?>? settings = null, bool startWorker = true, string? hub = null)
    {
        await Emulators.EnsureStartedAsync();
        hub ??= NewHub();
        var values = new Dictionary<string, string?>
        {
            ["Durable:TaskHub"] = hub,
            ["Durable:MaxPollingInterval"] = "00:00:00.5",
            ["TaskStore:Database"] = "vftests",
            ["Storage:RetryDelay"] = "00:00:00.1",
        };
        foreach (var setting in settings ?? new Dictionary<string, string?>())
        {
            values[setting.Key] = setting.Value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var registry = new TaskRegistry();
        register(registry);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(registry)
            .AddSingleton<CallLog>()
            .AddSingleton<ConcurrencyGauge>()
            .AddAzureStorage(configuration)
            .AddTaskStore(configuration)
            .AddDurableStorage(configuration)
            .AddDurableEngine(configuration, o => o.IsNonRetriable = e => e is VideoPipeline.Domain.PermanentPipelineException);
        var host = new DurableTestHost(services.BuildServiceProvider(), hub);
        if (startWorker)
        {
            await host.StartWorkerAsync();
        }

        return host;
    }

    public Task StartWorkerAsync() => this.worker.StartAsync(this.stop.Token);

    public async Task<OrchestrationMetadata> RunAsync(string orchestrator, object? input, string? instanceId = null, TimeSpan? timeout = null)
    {
        var id = await this.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions { InstanceId = instanceId });
        return await this.WaitAsync(id, timeout);
    }

    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        return await this.Client.WaitForInstanceCompletionAsync(instanceId, limit.Token);
    }

    /// <summary>Waits until the instance's custom status or status satisfies <paramref name="condition"/>.</summary>
    public async Task<OrchestrationMetadata> WaitUntilAsync(
        string instanceId, Func<OrchestrationMetadata, bool> condition, TimeSpan? timeout = null, bool withHistory = false)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var metadata = await this.Client.GetInstanceAsync(instanceId, getHistory: withHistory);
            if (metadata is not null && condition(metadata))
            {
                return metadata;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{instanceId} never reached the expected state (last: {metadata?.RuntimeStatus})");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await this.stop.CancelAsync();
        await this.worker.StopAsync(CancellationToken.None);
        if (!this.KeepHubOnDispose)
        {
            await this.Client.DeleteTaskHubAsync();
        }

        await this.provider.DisposeAsync();
        this.stop.Dispose();
    }
}
