using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VideoPipeline.Durable.Hosting;
using VideoPipeline.Host.Hosting;
using VideoPipeline.Jobs.Admission;
using VideoPipeline.Storage;

namespace VideoPipeline.Host.Bench;

/// <summary>
/// A host on private, empty containers and its own task hub, so a benchmark measures from nothing (no content-addressed
/// cache hits, no other run's messages), all deleted afterwards with the scratch folder.
/// </summary>
internal sealed class PrivateHub : IAsyncDisposable
{
    private PrivateHub(IHost host, string hub, string root)
    {
        (this.Host, this.Hub, this.Root) = (host, hub, root);
    }

    public IHost Host { get; }

    public string Hub { get; }

    /// <summary>A scratch folder of this run.</summary>
    public string Root { get; }

    public IServiceProvider Services => this.Host.Services;

    public static PrivateHub Create(IDictionary<string, string?>? settings = null)
    {
        var hub = $"bench{Guid.NewGuid():N}"[..16];
        var root = Path.Combine(Path.GetTempPath(), $"videofunctions-{hub}");
        var all = new Dictionary<string, string?>
        {
            ["Storage:ContainerPrefix"] = hub + "-",
            ["DurableTask:HubName"] = hub,
            ["Pipeline:WorkDirectory"] = Path.Combine(root, "work"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new PrivateHub(HostServices.Build(all), hub, root);
    }

    public async ValueTask DisposeAsync()
    {
        await this.Host.StopAsync(CancellationToken.None);
        await this.Services.GetRequiredService<TaskHubMaintenance>().DeleteAsync(CancellationToken.None);
        var admission = this.Services.GetRequiredService<JobAdmission>();
        foreach (var line in admission.Lines)
        {
            await admission.ClearAsync(line, CancellationToken.None);
        }

        var blobs = this.Services.GetRequiredService<BlobServiceClient>();
        foreach (var container in AssetContainers.All)
        {
            await blobs.GetBlobContainerClient($"{this.Hub}-{container}").DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        }

        this.Host.Dispose();
        try
        {
            Directory.Delete(this.Root, recursive: true);
        }
        catch (IOException)
        {
            // Nothing was written there.
        }
        catch (UnauthorizedAccessException)
        {
            // Left for the system's temp cleanup.
        }
    }
}
