using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VideoPipeline.Media.Fetching;
using VideoPipeline.Media.Probing;
using VideoPipeline.Storage;
using VideoPipeline.Workflow;

namespace VideoPipeline.Host.Api.Video;

/// <summary>
/// Fetches a request's music_url once, at submission, through the SSRF-safe downloader; checks it holds audio
/// and stores it content-addressed under <c>audio/imported/</c> (not <c>uploads</c>, which starts caption tasks).
/// The job then uses the stored copy: retries and replays never fetch the URL again.
/// </summary>
public sealed class MusicImporter(ISafeDownloader downloader, IMediaProbe probe, IAssetStore store, IOptions<PipelineOptions> pipeline)
{
    public const string Field = "music_url";

    /// <summary>The stored asset, or the problem naming music_url.</summary>
    public async Task<(AssetRef? Asset, ProblemHttpResult? Problem)> ImportAsync(Uri url, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(pipeline.Value.WorkDirectory, "imports");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        try
        {
            await downloader.DownloadToFileAsync(url, path, cancellationToken: cancellationToken);
            var info = await probe.ProbeAsync(path, cancellationToken);
            if (!info.HasAudio || info.DurationSeconds is not > 0)
            {
                return (null, ApiProblems.Validation(Field, "music_url has no audio stream"));
            }

            await using var content = File.OpenRead(path);
            var extension = "." + info.FormatName.Split(',')[0];
            var name = "imported/" + await AssetNames.ContentAddressedAsync(content, extension, cancellationToken);
            content.Position = 0;
            var asset = new AssetRef(AssetContainers.Audio, name);
            if (await store.GetPropertiesAsync(asset, cancellationToken) is null)
            {
                await store.UploadAsync(asset, content, ContentTypes.FromExtension(extension), cancellationToken: cancellationToken);
            }

            return (asset, null);
        }
        catch (DownloadTooLargeException e)
        {
            return (null, ApiProblems.TooLarge($"music_url: {e.Message}"));
        }
        catch (DownloadException e)
        {
            return (null, ApiProblems.Validation(Field, $"music_url: {e.Message}"));
        }
        catch (MediaProbeException)
        {
            return (null, ApiProblems.Validation(Field, "music_url is not a media file with an audio stream"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
