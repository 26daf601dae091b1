using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using VideoPipeline.Host.Api.Auth;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Host.Api.Assets;

public static class AssetEndpoints
{
    /// <summary>
    /// <c>GET|HEAD /api/assets/{id}</c>: the caller's asset streamed from Blob storage (never buffered), with one
    /// byte range (206 + Content-Range; 416 when it starts past the end). Anything not the caller's is 404.
    /// </summary>
    public static RouteGroupBuilder MapAssetEndpoints(this RouteGroupBuilder api)
    {
        api.MapMethods("/assets/{id}", [HttpMethods.Get, HttpMethods.Head], StreamAsync).WithName("GetAsset");
        return api;
    }

    private static async Task<IResult> StreamAsync(
        string id, HttpContext http, ClaimsPrincipal user, AssetCatalog catalog, BlobServiceClient blobs, IOptions<StorageOptions> storage, CancellationToken cancellationToken)
    {
        var asset = await catalog.FindAsync(user.OwnerId(), id, cancellationToken);
        var container = storage.Value.ContainerPrefix + asset?.Container;
        var properties = asset is null ? null : await blobs.GetPropertiesAsync(container, asset.Name, cancellationToken: cancellationToken);
        if (asset is null || properties is null)
        {
            return ApiProblems.NotFound("asset");
        }

        var response = http.Response;
        response.Headers.AcceptRanges = "bytes";
        response.Headers.ETag = properties.ETag;
        response.Headers.LastModified = properties.LastModified.ToString("R", CultureInfo.InvariantCulture);
        response.Headers["X-Content-Type-Options"] = "nosniff";
        var range = ByteRange.Parse(http.Request.Headers.Range, properties.Length, out var satisfiable);
        if (!satisfiable)
        {
            response.Headers.ContentRange = $"bytes */{properties.Length}";
            return TypedResults.Problem(statusCode: StatusCodes.Status416RangeNotSatisfiable, title: "Range not satisfiable", detail: $"The asset is {properties.Length} bytes.");
        }

        response.StatusCode = range is null ? StatusCodes.Status200OK : StatusCodes.Status206PartialContent;
        response.ContentType = properties.ContentType;
        response.ContentLength = range?.Length ?? properties.Length;
        if (range is { } r)
        {
            response.Headers.ContentRange = $"bytes {r.From}-{r.To}/{properties.Length}";
        }

        if (HttpMethods.IsHead(http.Request.Method) || properties.Length == 0)
        {
            return Results.Empty;
        }

        BlobDownloadStream body;
        try
        {
            body = await blobs.DownloadAsync(
                container,
                asset.Name,
                range is { } part ? new BlobRange(part.From, part.Length) : null,
                BlobRequestConditions.ForETag(properties.ETag),
                cancellationToken);
        }
        catch (StorageRequestException e) when (e.Status == System.Net.HttpStatusCode.PreconditionFailed)
        {
            // Replaced between the length check and the read: the headers above would not match it.
            response.Headers.ContentRange = default;
            response.ContentLength = null;
            return ApiProblems.Conflict("The asset changed while it was being read; try again.");
        }

        await using (body)
        {
            await body.CopyToAsync(response.Body, 1 << 16, cancellationToken);
        }

        return Results.Empty;
    }
}
