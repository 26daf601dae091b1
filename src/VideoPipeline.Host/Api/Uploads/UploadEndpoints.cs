using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using VideoPipeline.Host.Api.Assets;
using VideoPipeline.Host.Api.Auth;
using VideoPipeline.Serialization;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Tasks;
using VideoPipeline.Workflow.Tasks;

namespace VideoPipeline.Host.Api.Uploads;

public static class UploadEndpoints
{
    // Room for the multipart boundaries and part headers around the file.
    private const long MultipartOverhead = 64 * 1024;

    /// <summary>
    /// <c>POST /api/uploads</c> (multipart/form-data, field <c>file</c>): the file streams into Blob storage
    /// (bounded memory, size limit while streaming → 413) and becomes an asset of the caller:
    /// <c>/api/assets/{id}</c>, usable as <c>asset://{id}</c> in task inputs.
    /// </summary>
    public static RouteGroupBuilder MapUploadEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/uploads", UploadAsync).WithName("Upload");
        return api;
    }

    private static async Task<Results<Created<UploadedAsset>, ProblemHttpResult>> UploadAsync(
        HttpContext http, ClaimsPrincipal user, IAssetStore store, ITaskStore tasks, IOptions<UploadOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadUploadAsync(http, user, store, tasks, options.Value.MaxBytes, time, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiProblems.TooLarge($"file: the upload is larger than {options.Value.MaxBytes} bytes.");
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // A truncated or malformed multipart body is the caller's mistake, never a 500.
            return ApiProblems.Validation("body", $"body is not a complete multipart/form-data message: {e.Message}");
        }
    }

    private static async Task<Results<Created<UploadedAsset>, ProblemHttpResult>> ReadUploadAsync(
        HttpContext http, ClaimsPrincipal user, IAssetStore store, ITaskStore tasks, long max, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return ApiProblems.UnsupportedMediaType("Send the file as multipart/form-data in a field named 'file'.");
        }

        if (http.Request.ContentLength > max + MultipartOverhead)
        {
            return ApiProblems.TooLarge($"file: the upload is larger than {max} bytes.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + MultipartOverhead;
        }

        var reader = new MultipartReader(boundary, http.Request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.IsFileDisposition() || !string.Equals(disposition.Name.Value, "file", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "upload");
            var id = Guid.NewGuid().ToString("N");
            var extension = SafeExtension(fileName);
            var asset = new AssetRef(AssetContainers.Inputs, $"uploads/{id}{extension}");
            var contentType = ContentTypeOf(fileName, section.ContentType);
            var limited = new LimitedReadStream(section.Body, max);
            AssetProperties stored;
            try
            {
                stored = await store.UploadAsync(asset, limited, contentType, cancellationToken: cancellationToken);
            }
            catch (UploadTooLargeException)
            {
                return ApiProblems.TooLarge($"file: the upload is larger than {max} bytes.");
            }

            var uploaded = new UploadedAsset(id, AssetReference.PathPrefix + id, AssetReference.Scheme + id, fileName, contentType, stored.Length);
            var now = time.GetUtcNow();
            await tasks.CreateAsync(
                new TaskRecord
                {
                    Id = id,
                    OwnerId = user.OwnerId(),
                    Type = TaskRecordType.Upload,
                    Status = TaskRecordStatus.Succeeded,
                    Progress = 100,
                    Input = JsonSerializer.SerializeToElement(uploaded, PipelineJson.Options),
                    Output = new Dictionary<string, string> { [TaskOutputs.File] = asset.ToString() },
                    StartedAt = now,
                    CompletedAt = now,
                },
                cancellationToken);
            return TypedResults.Created(uploaded.Url, uploaded);
        }

        return ApiProblems.Validation("file", "file is required (a multipart part named 'file' with a filename)");
    }

    private static string SafeExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension.Length is > 1 and <= 6 && extension[1..].All(char.IsAsciiLetterOrDigit) ? extension : string.Empty;
    }

    // Assets are served from this origin: only media types are kept, never text/html or scripts.
    private static string ContentTypeOf(string fileName, string? declared)
    {
        var known = ContentTypes.FromExtension(fileName);
        if (known != ContentTypes.OctetStream)
        {
            return known;
        }

        return declared is { } d && (d.StartsWith("video/", StringComparison.OrdinalIgnoreCase) || d.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)) && d.All(c => c > ' ' && c < 127)
            ? d
            : ContentTypes.OctetStream;
    }
}

/// <param name="AssetId">Use as <c>asset://{id}</c> in task inputs.</param>
/// <param name="Url">Streams the file (Range supported), with the caller's key.</param>
public sealed record UploadedAsset(string AssetId, string Url, string AssetUrl, string FileName, string ContentType, long Bytes);
