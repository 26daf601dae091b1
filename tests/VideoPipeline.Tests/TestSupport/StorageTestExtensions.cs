using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;

namespace VideoPipeline.Tests.TestSupport;

/// <summary>Short forms of the SDK calls tests make to look at storage as any other client would.</summary>
internal static class StorageTestExtensions
{
    public static Task DeleteContainerAsync(this BlobServiceClient blobs, string container) =>
        blobs.GetBlobContainerClient(container).DeleteIfExistsAsync();

    /// <summary>The blob's properties (ETag in its quoted HTTP form), or null when it does not exist.</summary>
    public static async Task<StoredBlob?> GetPropertiesAsync(this BlobServiceClient blobs, string container, string name)
    {
        try
        {
            var properties = (await blobs.GetBlobContainerClient(container).GetBlobClient(name).GetPropertiesAsync()).Value;
            return new StoredBlob(properties.ETag.ToString("H"), properties.ContentLength, properties.ContentType, properties.Metadata);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Uploads a file into a container (created when missing); returns the new ETag, quoted.</summary>
    public static async Task<string> UploadFileAsync(this BlobServiceClient blobs, string container, string name, string path, string contentType, IDictionary<string, string>? metadata = null)
    {
        var client = blobs.GetBlobContainerClient(container);
        await client.CreateIfNotExistsAsync();
        var uploaded = await client.GetBlobClient(name).UploadAsync(path, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType }, Metadata = metadata });
        return uploaded.Value.ETag.ToString("H");
    }

    public static async Task DownloadToFileAsync(this BlobServiceClient blobs, string container, string name, string path) =>
        await blobs.GetBlobContainerClient(container).GetBlobClient(name).DownloadToAsync(path);

    public static async Task<Stream> DownloadAsync(this BlobServiceClient blobs, string container, string name) =>
        (await blobs.GetBlobContainerClient(container).GetBlobClient(name).DownloadStreamingAsync()).Value.Content;

    /// <summary>The JSON bodies of the visible messages (the app's queues carry base64 JSON).</summary>
    public static async Task<IReadOnlyList<T>> PeekJsonAsync<T>(this QueueServiceClient queues, string queue, JsonSerializerOptions? json = null) =>
        [.. (await queues.GetQueueClient(queue).PeekMessagesAsync(32)).Value.Select(m => m.Body.ToObjectFromJson<T>(json ?? new JsonSerializerOptions())!)];
}

internal sealed record StoredBlob(string ETag, long Length, string? ContentType, IDictionary<string, string> Metadata);
