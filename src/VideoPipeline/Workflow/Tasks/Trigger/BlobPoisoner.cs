using System.Globalization;
using Microsoft.Extensions.Logging;
using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Workflow.Tasks.Trigger;

/// <summary>
/// A blob the trigger gave up on: the Functions poison message ({FunctionId, BlobType, ContainerName, BlobName,
/// ETag}) goes to the poison queue, and its receipt is marked poisoned (the blob itself is left as it is:
/// changing it would make a new version and trigger again). Idempotent apart from a possible second message.
/// Used when a task's attempts run out and when the watchdog ends a stalled one.
/// </summary>
public sealed partial class BlobPoisoner(QueueServiceClient queues, BlobServiceClient blobs, ILogger<BlobPoisoner> logger)
{
    public async Task PoisonAsync(PoisonBlobInput input, CancellationToken cancellationToken)
    {
        var blob = input.Blob;
        await queues.CreateQueueAsync(blob.Queue, cancellationToken);
        await queues.SendJsonAsync(
            blob.Queue,
            new PoisonMessage(blob.FunctionId, "BlockBlob", blob.ContainerName, blob.BlobName, blob.ETag),
            new System.Text.Json.JsonSerializerOptions(),
            cancellationToken: cancellationToken);

        if (blob.ReceiptContainer is { } container && blob.ReceiptName is { } name)
        {
            var metadata = new Dictionary<string, string> { [BlobReceipts.StatusKey] = BlobReceipts.Poisoned };
            if (input.Attempts is { } attempts)
            {
                metadata[BlobReceipts.AttemptsKey] = attempts.ToString(CultureInfo.InvariantCulture);
            }

            await blobs.CreateContainerAsync(container, cancellationToken);
            if (await blobs.GetPropertiesAsync(container, name, cancellationToken: cancellationToken) is { } receipt)
            {
                var merged = new Dictionary<string, string>(receipt.Metadata, StringComparer.OrdinalIgnoreCase);
                foreach (var (key, value) in metadata)
                {
                    merged[key] = value;
                }

                await blobs.SetMetadataAsync(container, name, merged, cancellationToken: cancellationToken);
            }
            else
            {
                using var empty = new MemoryStream();
                await blobs.UploadAsync(container, name, empty, new BlobUploadOptions { Metadata = metadata }, cancellationToken);
            }
        }

        LogPoisoned(logger, blob.ContainerName, blob.BlobName, blob.ETag, input.Attempts?.ToString(CultureInfo.InvariantCulture) ?? "unknown", input.Reason);
    }

    [LoggerMessage(EventId = 720, Level = LogLevel.Warning, Message = "Blob {Container}/{Name} (ETag {ETag}) is poison after {Attempts} attempts: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string container, string name, string etag, string attempts, string reason);
}

/// <summary>The Functions blob trigger's poison message shape (PascalCase, as the Functions host writes it).</summary>
public sealed record PoisonMessage(string FunctionId, string BlobType, string ContainerName, string BlobName, string ETag);
