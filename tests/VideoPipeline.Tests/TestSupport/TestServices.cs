using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VideoPipeline.DependencyInjection;
using VideoPipeline.Durable;
using VideoPipeline.Durable.Activities;
using VideoPipeline.Durable.Hosting;
using VideoPipeline.Storage;
using Azure.Storage.Blobs;
using VideoPipeline.Tests.Durable;
using VideoPipeline.Tests.Workflow.Orchestration;

namespace VideoPipeline.Tests.TestSupport;

/// <summary>
/// The real pipeline services (real tools; assets in Azurite; workflows on the local Durable backend) with private
/// containers (a unique prefix), a private task hub and a private scratch folder. Disposing deletes them.
/// </summary>
public sealed class TestServices : IDisposable
{
    private readonly TempDirectory root = new();
    private readonly SemaphoreSlim starting = new(1, 1);
    private List<IHostedService>? started;

    /// <param name="configure">Replaces services after the pipeline's own, e.g. a provider that fails on purpose.</param>
    /// <param name="prefix">The container prefix (and so the task hub) to use; a fresh one when null.</param>
    public TestServices(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, string? prefix = null)
    {
        this.ContainerPrefix = prefix ?? Emulators.UniquePrefix();
        var values = DurableTestHost.Settings(HubOf(this.ContainerPrefix));
        values["Storage:ContainerPrefix"] = this.ContainerPrefix;
        values["Pipeline:WorkDirectory"] = this.root.File("work");
        foreach (var setting in settings ?? new Dictionary<string, string?>())
        {
            values[setting.Key] = setting.Value;
        }

        this.Configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddVideoPipeline(this.Configuration);
        configure?.Invoke(services);
        this.Provider = services.BuildServiceProvider();
    }

    public string ContainerPrefix { get; }

    /// <summary>The task hub of these services (and of a CLI process run with the same prefix).</summary>
    public static string HubOf(string containerPrefix) => containerPrefix.Replace("-", "", StringComparison.Ordinal);

    public IConfiguration Configuration { get; }

    public ServiceProvider Provider { get; }

    public string Root => this.root.Path;

    public T Get<T>()
        where T : notnull => this.Provider.GetRequiredService<T>();

    /// <summary>Runs an orchestration on the local Durable backend (the worker starts on first use) until it ends.</summary>
    public async Task<OrchestrationMetadata> RunOrchestrationAsync(string name, string instanceId, object input, TimeSpan? timeout = null)
    {
        await this.StartWorkerAsync();
        var client = this.Get<DurableTaskClient>();
        await client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(instanceId));
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, limit.Token);
    }

    /// <summary>Runs one activity directly, in its own scope, as a worker would (no retries, no orchestration).</summary>
    public async Task<TOutput> RunActivityAsync<TActivity, TInput, TOutput>(TInput input, string instanceId = "test", CancellationToken cancellationToken = default)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        await using var scope = this.Provider.CreateAsyncScope();
        var name = TaskNames.Of<TActivity>();
        scope.ServiceProvider.GetRequiredService<ActivityExecution>().Begin(new ActivityInvocation(name, instanceId, "test", 0), cancellationToken);
        var activity = ActivatorUtilities.CreateInstance<TActivity>(scope.ServiceProvider);
        return await activity.RunAsync(new TestActivityContext(name, instanceId), input);
    }

    /// <summary>Downloads an asset into this instance's temp folder, for tools to read.</summary>
    public async Task<string> DownloadAsync(AssetRef asset)
    {
        var path = this.root.File($"{asset.Container}-{asset.Name.Replace('/', '-')}");
        await this.Get<IAssetStore>().DownloadToFileAsync(asset, path);
        return path;
    }

    public void Dispose()
    {
        foreach (var service in Enumerable.Reverse(this.started ?? []))
        {
            service.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        var blobs = this.Provider.GetService<BlobServiceClient>();
        if (blobs is not null && Emulators.IsListening(10000))
        {
            foreach (var container in AssetContainers.All)
            {
                blobs.GetBlobContainerClient(this.ContainerPrefix + container).DeleteIfExists();
            }

            this.Get<TaskHubMaintenance>().DeleteAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        // Hosted services and the Durable client are asynchronously disposable only.
        this.Provider.DisposeAsync().AsTask().GetAwaiter().GetResult();
        this.root.Dispose();
        this.starting.Dispose();
    }

    /// <summary>Starts the worker (and the other hosted services) once; running an orchestration does it too.</summary>
    public async Task StartWorkerAsync()
    {
        await this.starting.WaitAsync();
        try
        {
            if (this.started is null)
            {
                var services = this.Provider.GetServices<IHostedService>().ToList();
                foreach (var service in services)
                {
                    await service.StartAsync(CancellationToken.None);
                }

                this.started = services;
            }
        }
        finally
        {
            this.starting.Release();
        }
    }
}
