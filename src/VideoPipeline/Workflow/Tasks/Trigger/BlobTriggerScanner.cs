using VideoPipeline.Durable;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Serialization;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Workflow.Tasks.Trigger;

/// <summary>
/// One pass over the watched container: every video blob version without a receipt gets a caption task.
/// Exactly once per version: the task id is derived from container, name and ETag, and starting it is
/// idempotent, so the order "start, then write the receipt" survives a crash between the two (the next pass
/// starts nothing new and writes the receipt); a receipt makes later passes skip the blob without asking the
/// engine. Two hosts scanning at once start the same task id once.
/// </summary>
public sealed partial class BlobTriggerScanner(
    BlobServiceClient blobs,
    BlobReceipts receipts,
    ProcessingTasks tasks,
    IOptions<BlobTriggerOptions> options,
    ILogger<BlobTriggerScanner> logger)
{
    private const string OwnerMetadata = "owner";
    private long scans;

    /// <summary>Completed passes since start (tests wait on it).</summary>
    public long Scans => Interlocked.Read(ref this.scans);

    /// <summary>Returns how many tasks this pass started.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var started = 0;
        try
        {
            var watched = blobs.GetBlobContainerClient(receipts.WatchedContainer);
            await foreach (var blob in watched.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken))
            {
                if (this.IsVideo(blob.Name) && await this.TryStartAsync(blob, cancellationToken))
                {
                    started++;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Nobody has dropped anything yet: the container does not exist.
        }

        Interlocked.Increment(ref this.scans);
        return started;
    }

    private async Task<bool> TryStartAsync(BlobItem blob, CancellationToken cancellationToken)
    {
        var receiptName = receipts.NameFor(blob.Name, blob.Properties.ETag!.Value.ToString());
        var receipt = blobs.GetBlobContainerClient(receipts.Container).GetBlobClient(receiptName);
        if ((await receipt.ExistsAsync(cancellationToken)).Value)
        {
            return false;
        }

        var settings = options.Value;

        // Listings give the ETag bare, HEAD quoted: keep the HTTP (quoted) form everywhere it is shown.
        var etag = blob.Properties.ETag!.Value.ToString("H");
        var taskId = BlobReceipts.TaskIdFor(receipts.WatchedContainer, blob.Name, etag);
        var owner = blob.Metadata.TryGetValue(OwnerMetadata, out var named) && IsOwnerName(named) ? named : settings.Owner;
        var run = tasks.NewRun(taskId, owner) with
        {
            MaxAttempts = settings.MaxAttempts,
            AttemptIntervalSeconds = settings.RetryInterval.TotalSeconds,
            Poison = new PoisonBlob(receipts.PoisonQueue, BlobTriggerOptions.FunctionId, receipts.WatchedContainer, blob.Name, etag)
            {
                ReceiptContainer = receipts.Container,
                ReceiptName = receiptName,
            },
        };
        var input = new CaptionTaskInput(
            run,
            MediaSource.FromAsset(new AssetRef(settings.Container, blob.Name), etag),
            settings.Language,
            settings.ModelSize,
            new CaptionStyle { WordsPerLine = settings.WordsPerLine },
            CaptionOutputs.ForBlob(blob.Name));
        var request = JsonSerializer.SerializeToElement(
            new { source = "blob_trigger", container = receipts.WatchedContainer, blob_name = blob.Name, etag },
            PipelineJson.Options);
        await tasks.SubmitAsync(TaskRecordType.Caption, TaskNames.Of<CaptionTaskOrchestrator>(), run, input, request, requestHash: null, cancellationToken);

        await blobs.GetBlobContainerClient(receipts.Container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            await receipt.UploadAsync(
                BinaryData.Empty,
                new BlobUploadOptions
                {
                    Metadata = new Dictionary<string, string> { [BlobReceipts.TaskIdKey] = taskId },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another host wrote it first; the task id is the same.
        }

        LogStarted(logger, blob.Name, etag, taskId, owner);
        return true;
    }

    private bool IsVideo(string name) =>
        (options.Value.Extensions.Count > 0 ? options.Value.Extensions : BlobTriggerOptions.DefaultExtensions)
            .Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase);

    private static bool IsOwnerName(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@');

    [LoggerMessage(EventId = 710, Level = LogLevel.Information, Message = "Blob {Name} (ETag {ETag}) started caption task {TaskId} for owner {Owner}")]
    private static partial void LogStarted(ILogger logger, string name, string etag, string taskId, string owner);
}
