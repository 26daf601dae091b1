using System.Globalization;
using Microsoft.Extensions.Logging;
using VideoPipeline.Durable;
using VideoPipeline.Storage.Azure;
using VideoPipeline.Workflow.Tasks.Trigger;

namespace VideoPipeline.Workflow.Tasks.Activities;

/// <summary>
/// A blob whose attempts ran out: the Functions poison message ({FunctionId, BlobType, ContainerName, BlobName,
/// ETag}) goes to the poison queue, and its receipt is marked poisoned (the blob itself is left as it is:
/// changing it would make a new version and trigger again). Idempotent apart from a possible second message.
/// </summary>
public sealed partial class PoisonBlobActivity(QueueServiceClient queues, BlobServiceClient blobs, ILogger<PoisonBlobActivity> logger)
    : TaskActivity<PoisonBlobInput, bool>
{
    public override async Task<bool> RunAsync(ActivityContext context, PoisonBlobInput input)
    {
        var ct = context.CancellationToken;
        var blob = input.Blob;
        await queues.CreateQueueAsync(blob.Queue, ct);
        await queues.SendJsonAsync(
            blob.Queue,
            new PoisonMessage(blob.FunctionId, "BlockBlob", blob.ContainerName, blob.BlobName, blob.ETag),
            new System.Text.Json.JsonSerializerOptions(),
            cancellationToken: ct);

        if (blob.ReceiptContainer is { } container && blob.ReceiptName is { } name)
        {
            var metadata = new Dictionary<string, string>
            {
                [BlobReceipts.StatusKey] = BlobReceipts.Poisoned,
                [BlobReceipts.AttemptsKey] = input.Attempts.ToString(CultureInfo.InvariantCulture),
            };
            await blobs.CreateContainerAsync(container, ct);
            if (await blobs.GetPropertiesAsync(container, name, cancellationToken: ct) is { } receipt)
            {
                var merged = new Dictionary<string, string>(receipt.Metadata, StringComparer.OrdinalIgnoreCase);
                foreach (var (key, value) in metadata)
                {
                    merged[key] = value;
                }

                await blobs.SetMetadataAsync(container, name, merged, cancellationToken: ct);
            }
            else
            {
                using var empty = new MemoryStream();
                await blobs.UploadAsync(container, name, empty, new BlobUploadOptions { Metadata = metadata }, ct);
            }
        }

        LogPoisoned(logger, blob.ContainerName, blob.BlobName, blob.ETag, input.Attempts, input.Reason);
        return true;
    }

    [LoggerMessage(EventId = 720, Level = LogLevel.Warning, Message = "Blob {Container}/{Name} (ETag {ETag}) is poison after {Attempts} attempts: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string container, string name, string etag, int attempts, string reason);
}

/// <summary>The Functions blob trigger's poison message shape (PascalCase, as the Functions host writes it).</summary>
public sealed record PoisonMessage(string FunctionId, string BlobType, string ContainerName, string BlobName, string ETag);
