using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VideoPipeline.Host.Api.Assets;
using VideoPipeline.Media.Fetching;
using VideoPipeline.Workflow.Tasks;

namespace VideoPipeline.Host.Api.Tasks;

/// <summary>
/// Turns a task's URL field into a <see cref="MediaSource"/> before anything is queued: the caller's own asset
/// (<c>asset://{id}</c>, <c>/api/assets/{id}</c>), looked up in storage; or a URL checked with a HEAD request
/// through the SSRF-safe downloader, so a refused address (400), an oversize file (413) or an unreachable one
/// (400) is answered now, naming the field. The activity fetches it again, with the same rules.
/// </summary>
public sealed class TaskInputResolver(ISafeDownloader downloader, AssetCatalog catalog, IOptions<DownloadOptions> limits)
{
    /// <summary>Resolves the fields in order; the first problem is the answer.</summary>
    public async Task<(IReadOnlyList<MediaSource> Sources, ProblemHttpResult? Problem)> ResolveAllAsync(
        IEnumerable<(string Field, string? Value)> fields, string ownerId, HttpRequest request, CancellationToken cancellationToken)
    {
        var sources = new List<MediaSource>();
        foreach (var (field, value) in fields)
        {
            var (source, problem) = await this.ResolveAsync(field, value, ownerId, request, cancellationToken);
            if (problem is not null)
            {
                return ([], problem);
            }

            sources.Add(source!);
        }

        return (sources, null);
    }

    public async Task<(MediaSource? Source, ProblemHttpResult? Problem)> ResolveAsync(
        string field, string? value, string ownerId, HttpRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, ApiProblems.Validation(field, $"{field} is required"));
        }

        if (AssetReference.TryParse(value, request, out var assetId))
        {
            return await catalog.FindAsync(ownerId, assetId, cancellationToken) is { } asset
                ? (MediaSource.FromAsset(asset), null)
                : (null, ApiProblems.Validation(field, $"{field}: no asset '{assetId}' for this API key's owner"));
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url))
        {
            return (null, ApiProblems.Validation(field, $"{field} must be an absolute http(s) URL or asset://{{id}}"));
        }

        try
        {
            var probe = await downloader.ProbeAsync(url, cancellationToken);
            if (probe.Length > limits.Value.MaxBytes)
            {
                return (null, ApiProblems.TooLarge($"{field}: the file is {probe.Length} bytes; the limit is {limits.Value.MaxBytes}."));
            }
        }
        catch (DownloadRefusedException e)
        {
            return (null, ApiProblems.Validation(field, $"{field} is not allowed: {e.Reason}"));
        }
        catch (DownloadTooLargeException e)
        {
            return (null, ApiProblems.TooLarge($"{field}: {e.Message}."));
        }
        catch (DownloadFailedException e) when (e.Status is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented)
        {
            // The server does not answer HEAD; the download itself will tell.
        }
        catch (DownloadException e)
        {
            return (null, ApiProblems.Validation(field, $"{field} could not be fetched: {e.Message}"));
        }

        return (MediaSource.FromUrl(url), null);
    }
}
