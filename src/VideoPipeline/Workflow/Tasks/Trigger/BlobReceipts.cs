using Microsoft.Extensions.Options;
using VideoPipeline.Storage;

namespace VideoPipeline.Workflow.Tasks.Trigger;

/// <summary>
/// Where the trigger keeps its receipts and poison messages, named as the Functions blob trigger does:
/// container <c>azure-webjobs-hosts</c>, blob <c>blobreceipts/{hostId}/{functionId}/"{etag}"/{container}/{blobName}</c>,
/// queue <c>webjobs-blobtrigger-poison</c>; all after <c>Storage:ContainerPrefix</c>, so environments sharing an
/// account stay apart.
/// </summary>
public sealed class BlobReceipts(IOptions<StorageOptions> storage, IOptions<BlobTriggerOptions> trigger)
{
    public const string ReceiptsContainerName = "azure-webjobs-hosts";
    public const string PoisonQueueName = "webjobs-blobtrigger-poison";

    /// <summary>Receipt metadata: the task a receipt started, and its state.</summary>
    public const string TaskIdKey = "taskId";
    public const string StatusKey = "status";
    public const string AttemptsKey = "attempts";
    public const string Poisoned = "poisoned";

    public string Prefix => storage.Value.ContainerPrefix;

    public string WatchedContainer => this.Prefix + trigger.Value.Container;

    public string Container => this.Prefix + ReceiptsContainerName;

    public string PoisonQueue => this.Prefix + PoisonQueueName;

    public string NameFor(string blobName, string etag) =>
        $"blobreceipts/{trigger.Value.HostId}/{BlobTriggerOptions.FunctionId}/\"{etag.Trim('"')}\"/{trigger.Value.Container}/{blobName}";

    /// <summary>One task per blob version: the same blob and ETag always give the same id.</summary>
    public static string TaskIdFor(string container, string blobName, string etag) => "blob-" + ContentHash.Of(container, blobName, etag.Trim('"'));
}
