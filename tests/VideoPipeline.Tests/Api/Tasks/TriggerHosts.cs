using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Tasks;
using VideoPipeline.Tests.TestSupport;
using VideoPipeline.Workflow.Tasks.Trigger;

namespace VideoPipeline.Tests.Api.Tasks;

/// <summary>
/// API hosts that share one container prefix and task hub, so a test can stop one and start another on the same
/// storage (a restart); a fast poll and retry interval; owned-by metadata isolates each test's records.
/// </summary>
internal sealed class TriggerHosts : IAsyncDisposable
{
    private readonly List<ApiTestHost> hosts = [];

    public string Prefix { get; } = Emulators.UniquePrefix();

    public string Owner { get; } = "trigger-" + Guid.NewGuid().ToString("N")[..10];

    public string Uploads => this.Prefix + AssetContainers.Uploads;

    /// <param name="extra">More settings, over the shared ones.</param>
    public async Task<ApiTestHost> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ContainerPrefix"] = this.Prefix,
            ["DurableTask:HubName"] = TestServices.HubOf(this.Prefix),
            ["BlobTrigger:PollInterval"] = "00:00:00.5",
            ["BlobTrigger:RetryInterval"] = "00:00:00.2",
            ["Pipeline:RetryFirstInterval"] = "00:00:01",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = await ApiTestHost.StartAsync(settings);
        this.hosts.Add(host);
        return host;
    }

    /// <summary>Drops a file into the watched container as any storage client would, owned by this test.</summary>
    public async Task<string> DropAsync(ApiTestHost host, string name, string path)
    {
        var etag = await host.Get<BlobServiceClient>().UploadFileAsync(
            this.Uploads, name, path, ContentTypes.FromExtension(name), new Dictionary<string, string> { ["owner"] = this.Owner });
        return BlobReceipts.TaskIdFor(this.Uploads, name, etag);
    }

    public static async Task<TaskRecord> WaitFinishedAsync(ApiTestHost host, string owner, string taskId)
    {
        var tasks = host.Get<ITaskStore>();
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            var record = await tasks.GetAsync(owner, taskId);
            if (record?.Status is TaskRecordStatus.Succeeded or TaskRecordStatus.Failed || DateTime.UtcNow > deadline)
            {
                return record ?? throw new InvalidOperationException($"No task record {taskId}");
            }

            await Task.Delay(300);
        }
    }

    public static async Task WaitForScansAsync(ApiTestHost host, long more)
    {
        var scanner = host.Get<BlobTriggerScanner>();
        var target = scanner.Scans + more;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (scanner.Scans < target && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(scanner.Scans >= target, string.Create(CultureInfo.InvariantCulture, $"{scanner.Scans} scans, wanted {target}"));
    }

    public async ValueTask DisposeAsync()
    {
        if (this.hosts.Count == 0)
        {
            return;
        }

        var blobs = this.hosts[^1].Get<BlobServiceClient>();
        foreach (var container in AssetContainers.All.Append(BlobReceipts.ReceiptsContainerName))
        {
            await blobs.DeleteContainerAsync(this.Prefix + container);
        }

        await this.hosts[^1].Get<QueueServiceClient>().GetQueueClient(this.Prefix + BlobReceipts.PoisonQueueName).DeleteIfExistsAsync();
        for (var i = this.hosts.Count - 1; i >= 0; i--)
        {
            await this.hosts[i].DisposeAsync();
        }
    }
}
