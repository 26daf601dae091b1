using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Account;
using VideoPipeline.Storage.Tasks;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Storage;

[CollectionDefinition(Name)]
public sealed class EmulatorGroup : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Emulators";
}

/// <summary>
/// Clients for the emulators (see <see cref="Emulators"/>), shared by the storage tests: the SDK clients as the app
/// registers them (<see cref="StorageServiceCollectionExtensions.AddAzureStorage"/> on <c>UseDevelopmentStorage=true</c>).
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private ServiceProvider services = null!;

    public HttpClient Http { get; } = new();

    /// <summary>The storage services as <c>AddAzureStorage</c> registers them.</summary>
    public IServiceProvider Services => this.services;

    public StorageConnection Connection => this.services.GetRequiredService<StorageConnection>();

    public BlobServiceClient Blobs => this.services.GetRequiredService<BlobServiceClient>();

    public QueueServiceClient Queues => this.services.GetRequiredService<QueueServiceClient>();

    public CosmosClient Cosmos { get; private set; } = null!;

    /// <summary>This run's own database, so runs never see each other's records.</summary>
    public TaskStoreOptions TaskOptions { get; } = new() { Database = Names.Unique("vf") };

    public async Task InitializeAsync()
    {
        await Emulators.EnsureStartedAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageConnection.Name] = StorageConnection.DevelopmentStorage,
            ["Storage:RetryDelay"] = "00:00:00.1",
            ["Storage:MaxRetries"] = "3",
        }).Build();
        this.services = new ServiceCollection().AddLogging().AddAzureStorage(configuration).BuildServiceProvider();
        this.Cosmos = CosmosClientFactory.Create(this.TaskOptions);
    }

    public CosmosTaskStore CreateTaskStore(Action<TaskStoreOptions>? configure = null)
    {
        var options = new TaskStoreOptions { Database = this.TaskOptions.Database, Container = this.TaskOptions.Container };
        configure?.Invoke(options);
        return new CosmosTaskStore(this.Cosmos, Microsoft.Extensions.Options.Options.Create(options));
    }

    public BlobAssetStore CreateAssetStore(string containerPrefix, Action<StorageOptions>? configure = null)
    {
        var options = new StorageOptions { ContainerPrefix = containerPrefix };
        configure?.Invoke(options);
        return new BlobAssetStore(this.Blobs, this.services.GetRequiredService<BlobReadLinks>(), Microsoft.Extensions.Options.Options.Create(options));
    }

    public Task DeleteContainerAsync(string name) => this.Blobs.GetBlobContainerClient(name).DeleteIfExistsAsync();

    public async Task DisposeAsync()
    {
        try
        {
            await this.Cosmos.GetDatabase(this.TaskOptions.Database).DeleteAsync();
        }
        catch (CosmosException)
        {
            // Never created: no test used the task store.
        }

        this.Cosmos.Dispose();
        await this.services.DisposeAsync();
        this.Http.Dispose();
    }
}
