using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Azure;
using VideoPipeline.Storage.Tasks;

using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Storage;

[CollectionDefinition(Name)]
public sealed class EmulatorGroup : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Emulators";
}

/// <summary>Clients for the emulators (see <see cref="Emulators"/>), shared by the storage tests.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public HttpClient Http { get; } = new();

    public StorageOptions Options { get; } = new() { RetryDelay = TimeSpan.FromMilliseconds(100), MaxRetries = 3 };

    public AzureStorageClient Storage { get; private set; } = null!;

    public BlobServiceClient Blobs => this.Storage.Blobs;

    public QueueServiceClient Queues => this.Storage.Queues;

    public CosmosClient Cosmos { get; private set; } = null!;

    /// <summary>This run's own database, so runs never see each other's records.</summary>
    public TaskStoreOptions TaskOptions { get; } = new() { Database = Names.Unique("vf") };

    public async Task InitializeAsync()
    {
        await Emulators.EnsureStartedAsync();
        this.Storage = new AzureStorageClient(StorageConnectionString.Development, this.Options, this.Http);
        this.Cosmos = CosmosClientFactory.Create(this.TaskOptions);
    }

    public CosmosTaskStore CreateTaskStore(Action<TaskStoreOptions>? configure = null)
    {
        var options = new TaskStoreOptions { Database = this.TaskOptions.Database, Container = this.TaskOptions.Container };
        configure?.Invoke(options);
        return new CosmosTaskStore(this.Cosmos, Microsoft.Extensions.Options.Options.Create(options));
    }

    public BlobAssetStore CreateAssetStore(string containerPrefix) =>
        new(this.Blobs, Microsoft.Extensions.Options.Options.Create(new StorageOptions { ContainerPrefix = containerPrefix }));

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
        this.Http.Dispose();
    }
}
