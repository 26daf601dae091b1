using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Media;
using VideoPipeline.Media.Fetching;
using VideoPipeline.Media.Probing;
using VideoPipeline.Storage;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Tasks.Activities;

/// <summary>
/// Brings one task input into the asset store and checks it is the media the task needs. A URL is fetched only
/// through the SSRF-safe downloader, streamed to disk, and stored under a name fixed by task and slot
/// (<c>inputs/{task}/{slot}.ext</c>), so a re-run overwrites its own copy. An existing asset is only checked
/// (and, for the blob trigger, must still be the version that triggered the task).
/// </summary>
[DurableTask("ImportTaskMedia")]
[ActivityPool(ActivityPools.Media)]
public sealed class ImportMediaActivity(IAssetStore store, ISafeDownloader downloader, IMediaProbe probe, IOptions<PipelineOptions> options, ActivityExecution execution)
    : TaskActivity<ImportMediaInput, ImportedMedia>
{
    public override async Task<ImportedMedia> RunAsync(TaskActivityContext context, ImportMediaInput input)
    {
        var ct = execution.CancellationToken;
        using var workspace = MediaWorkspace.Create(options.Value.WorkDirectory, context.Name.Name);
        if (input.Source.Url is { } url)
        {
            var extension = ExtensionOf(url, input.Kind);
            var path = workspace.PathFor(input.Slot + extension);
            await this.DownloadAsync(url, path, input.Field, ct);
            var facts = await this.CheckAsync(path, input);
            var target = new AssetRef(AssetContainers.Inputs, AssetNames.ForTask(input.TaskId, input.Slot, extension));
            var metadata = new Dictionary<string, string>
            {
                [AssetMetadata.TaskId] = input.TaskId,
                [AssetMetadata.DurationSeconds] = facts.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture),
            };
            await store.UploadFileAsync(target, path, ContentTypes.FromExtension(path), metadata, ct);
            return new ImportedMedia(target, facts);
        }

        var asset = input.Source.Asset ?? throw new PermanentPipelineException(ErrorCodes.InvalidInput, $"{input.Field}: no URL or asset given");
        if (input.Source.ETag is { } etag)
        {
            var current = await store.GetPropertiesAsync(asset, ct);
            if (current is null || !SameETag(current.ETag, etag))
            {
                throw new PermanentPipelineException(TaskErrorCodes.BlobSuperseded, $"{asset} was replaced or deleted after it triggered this task");
            }
        }

        string local;
        try
        {
            local = await workspace.MaterializeAsync(store, asset, ct);
        }
        catch (AssetNotFoundException e)
        {
            throw new PermanentPipelineException(ErrorCodes.InvalidInput, $"{input.Field}: the asset no longer exists", e);
        }

        return new ImportedMedia(asset, await this.CheckAsync(local, input));
    }

    private async Task DownloadAsync(Uri url, string path, string field, CancellationToken ct)
    {
        try
        {
            await downloader.DownloadToFileAsync(url, path, cancellationToken: ct);
        }
        catch (DownloadTooLargeException e)
        {
            throw new PermanentPipelineException(TaskErrorCodes.TooLarge, $"{field}: {e.Message}", e);
        }
        catch (DownloadRefusedException e)
        {
            throw new PermanentPipelineException(ErrorCodes.InvalidInput, $"{field}: {e.Message}", e);
        }
        catch (DownloadFailedException e) when (e.Status is { } status && (int)status is >= 400 and < 500 && status != HttpStatusCode.RequestTimeout && status != HttpStatusCode.TooManyRequests)
        {
            throw new PermanentPipelineException(ErrorCodes.InvalidInput, $"{field}: {e.Message}", e);
        }
    }

    private async Task<MediaFacts> CheckAsync(string path, ImportMediaInput input)
    {
        MediaInfo info;
        try
        {
            info = await probe.ProbeAsync(path);
        }
        catch (MediaProbeException e)
        {
            throw new PermanentPipelineException(ErrorCodes.UnsupportedMedia, $"{input.Field}: not a media file ffprobe can read", e);
        }

        var facts = MediaFacts.From(info);
        var missing = input.Kind == MediaKind.Video ? !facts.HasVideo : !facts.HasAudio;
        if (missing || facts.DurationSeconds <= 0)
        {
            throw new PermanentPipelineException(
                ErrorCodes.UnsupportedMedia, $"{input.Field}: has no {(input.Kind == MediaKind.Video ? "video" : "audio")} stream with a duration");
        }

        return facts;
    }

    private static bool SameETag(string a, string b) => a.Trim('"') == b.Trim('"');

    // The extension only helps people and content types; ffprobe reads the content itself.
    private static string ExtensionOf(Uri url, MediaKind kind)
    {
        var extension = Path.GetExtension(url.AbsolutePath).ToLowerInvariant();
        return extension.Length is > 1 and <= 6 && extension[1..].All(char.IsAsciiLetterOrDigit)
            ? extension
            : kind == MediaKind.Video ? ".mp4" : ".audio";
    }
}
