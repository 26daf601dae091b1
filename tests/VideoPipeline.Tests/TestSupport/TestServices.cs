using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.DependencyInjection;
using VideoPipeline.Storage;
using Azure.Storage.Blobs;

namespace VideoPipeline.Tests.TestSupport;

/// <summary>
/// The real pipeline services (real tools; assets in Azurite) with private containers (a unique
/// prefix) and a private scratch folder. Disposing deletes the containers.
/// </summary>
public sealed class TestServices : IDisposable
{
    private readonly TempDirectory root = new();

    /// <param name="configure">Replaces services after the pipeline's own, e.g. a provider that fails on purpose.</param>
    public TestServices(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:ContainerPrefix"] = this.ContainerPrefix,
            ["Storage:RetryDelay"] = "00:00:00.1",
            ["Pipeline:WorkDirectory"] = this.root.File("work"),
            ["TaskStore:Database"] = "vftests",
            ["Durable:TaskHub"] = HubOf(this.ContainerPrefix),
        };
        foreach (var setting in settings ?? new Dictionary<string, string?>())
        {
            values[setting.Key] = setting.Value;
        }

        this.Configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddVideoPipeline(this.Configuration);
        configure?.Invoke(services);
        this.Provider = services.BuildServiceProvider();
    }

    public string ContainerPrefix { get; } = Emulators.UniquePrefix();

    /// <summary>The durable task hub of these services (and of a CLI process run with the same prefix).</summary>
    public static string HubOf(string containerPrefix) => containerPrefix.TrimEnd('-');

    public IConfiguration Configuration { get; }

    public ServiceProvider Provider { get; }

    public string Root => this.root.Path;

    public T Get<T>()
        where T : notnull => this.Provider.GetRequiredService<T>();

    /// <summary>Downloads an asset into this instance's temp folder, for tools to read.</summary>
    public async Task<string> DownloadAsync(AssetRef asset)
    {
        var path = this.root.File($"{asset.Container}-{asset.Name.Replace('/', '-')}");
        await this.Get<IAssetStore>().DownloadToFileAsync(asset, path);
        return path;
    }

    public void Dispose()
    {
        var blobs = this.Provider.GetService<BlobServiceClient>();
        if (blobs is not null && Emulators.IsListening(10000))
        {
            foreach (var container in AssetContainers.All)
            {
                blobs.GetBlobContainerClient(this.ContainerPrefix + container).DeleteIfExists();
            }

            this.Get<VideoPipeline.Durable.Engine.DurableClient>().DeleteTaskHubAsync().GetAwaiter().GetResult();
        }

        this.Provider.Dispose();
        this.root.Dispose();
    }
}
