using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;

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
        var queue = queues.GetQueueClient(blob.Queue);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queue.SendMessageAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(new PoisonMessage(blob.FunctionId, "BlockBlob", blob.ContainerName, blob.BlobName, blob.ETag))),
            cancellationToken: cancellationToken);

        if (blob.ReceiptContainer is { } container && blob.ReceiptName is { } name)
        {
            var metadata = new Dictionary<string, string> { [BlobReceipts.StatusKey] = BlobReceipts.Poisoned };
            if (input.Attempts is { } attempts)
            {
                metadata[BlobReceipts.AttemptsKey] = attempts.ToString(CultureInfo.InvariantCulture);
            }

            var receipts = blobs.GetBlobContainerClient(container);
            await receipts.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var receipt = receipts.GetBlobClient(name);
            try
            {
                var current = (await receipt.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
                var merged = new Dictionary<string, string>(current.Metadata, StringComparer.OrdinalIgnoreCase);
                foreach (var (key, value) in metadata)
                {
                    merged[key] = value;
                }

                await receipt.SetMetadataAsync(merged, cancellationToken: cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                await receipt.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Metadata = metadata }, cancellationToken);
            }
        }

        LogPoisoned(logger, blob.ContainerName, blob.BlobName, blob.ETag, input.Attempts?.ToString(CultureInfo.InvariantCulture) ?? "unknown", input.Reason);
    }

    [LoggerMessage(EventId = 720, Level = LogLevel.Warning, Message = "Blob {Container}/{Name} (ETag {ETag}) is poison after {Attempts} attempts: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string container, string name, string etag, string attempts, string reason);
}

/// <summary>The Functions blob trigger's poison message shape (PascalCase, as the Functions host writes it).</summary>
public sealed record PoisonMessage(string FunctionId, string BlobType, string ContainerName, string BlobName, string ETag);
