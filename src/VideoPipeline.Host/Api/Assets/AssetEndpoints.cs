using System.Globalization;
using System.Security.Claims;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using VideoPipeline.Host.Api.Auth;
using VideoPipeline.Storage;

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
        var blob = asset is null ? null : blobs.GetBlobContainerClient(storage.Value.ContainerPrefix + asset.Container).GetBlobClient(asset.Name);
        var properties = blob is null ? null : await PropertiesAsync(blob, cancellationToken);
        if (blob is null || properties is null)
        {
            return ApiProblems.NotFound("asset");
        }

        var response = http.Response;
        response.Headers.AcceptRanges = "bytes";
        var length = properties.ContentLength;
        response.Headers.ETag = properties.ETag.ToString("H");
        response.Headers.LastModified = properties.LastModified.ToString("R", CultureInfo.InvariantCulture);
        response.Headers["X-Content-Type-Options"] = "nosniff";
        var range = ByteRange.Parse(http.Request.Headers.Range, length, out var satisfiable);
        if (!satisfiable)
        {
            response.Headers.ContentRange = $"bytes */{length}";
            return TypedResults.Problem(statusCode: StatusCodes.Status416RangeNotSatisfiable, title: "Range not satisfiable", detail: $"The asset is {length} bytes.");
        }

        response.StatusCode = range is null ? StatusCodes.Status200OK : StatusCodes.Status206PartialContent;
        response.ContentType = properties.ContentType ?? ContentTypes.OctetStream;
        response.ContentLength = range?.Length ?? length;
        if (range is { } r)
        {
            response.Headers.ContentRange = $"bytes {r.From}-{r.To}/{length}";
        }

        if (HttpMethods.IsHead(http.Request.Method) || length == 0)
        {
            return Results.Empty;
        }

        Stream body;
        try
        {
            var download = await blob.DownloadStreamingAsync(
                new BlobDownloadOptions
                {
                    Range = range is { } part ? new HttpRange(part.From, part.Length) : default,
                    Conditions = new BlobRequestConditions { IfMatch = properties.ETag },
                },
                cancellationToken);
            body = download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status412PreconditionFailed)
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

    private static async Task<BlobProperties?> PropertiesAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }
}
