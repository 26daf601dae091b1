using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Storage;

/// <summary>
/// Assets as block blobs, one container per asset kind (<see cref="AssetContainers"/>), each created once on
/// first use. Uploads stream in blocks of <see cref="StorageOptions.BlockSizeBytes"/> and commit the block list
/// only when every block is in, so a reader sees the old asset or the new one, never a partial one. Read links
/// are expiring read-only SAS URLs (<see cref="BlobReadLinks"/>).
/// </summary>
public sealed class BlobAssetStore(BlobServiceClient blobs, BlobReadLinks links, IOptions<StorageOptions> options, TimeProvider? time = null) : IAssetStore
{
    private readonly StorageOptions options = options.Value;
    private readonly TimeProvider time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Lazy<Task>> containers = new(StringComparer.Ordinal);

    public async Task<AssetProperties> UploadFileAsync(
        AssetRef asset,
        string localPath,
        string contentType,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await this.UploadAsync(asset, file, contentType, metadata, cancellationToken);
    }

    public async Task<AssetProperties> UploadAsync(
        AssetRef asset,
        Stream content,
        string contentType,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        await this.EnsureContainerAsync(asset, cancellationToken);
        // A seekable source tells the SDK its length; any other is counted as the SDK reads it.
        var start = content.CanSeek ? content.Position : 0;
        var counted = content.CanSeek ? null : new CountingStream(content);
        var written = await this.BlobOf(asset).UploadAsync(
            counted ?? content,
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = metadata?.ToDictionary(StringComparer.OrdinalIgnoreCase),
                TransferOptions = this.options.TransferOptions,
            },
            cancellationToken);
        var length = counted?.BytesRead ?? content.Length - start;
        return new AssetProperties(
            asset, length, contentType, written.Value.ETag.ToString("H"), written.Value.LastModified, metadata ?? new Dictionary<string, string>());
    }

    public async Task<AssetProperties?> GetPropertiesAsync(AssetRef asset, CancellationToken cancellationToken = default)
    {
        try
        {
            var properties = (await this.BlobOf(asset).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new AssetProperties(
                asset, properties.ContentLength, properties.ContentType ?? ContentTypes.OctetStream, properties.ETag.ToString("H"), properties.LastModified, properties.Metadata.AsReadOnly());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<Stream> OpenReadAsync(AssetRef asset, CancellationToken cancellationToken = default)
    {
        try
        {
            // One streamed response; the SDK resumes it from where it broke off (pinned to the ETag it started with).
            var download = await this.BlobOf(asset).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new AssetNotFoundException(asset);
        }
    }

    public async Task DownloadToFileAsync(AssetRef asset, string localPath, CancellationToken cancellationToken = default)
    {
        // Into a temporary file renamed into place, so a failed download leaves no partial file under the name.
        var temp = localPath + ".part-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await this.BlobOf(asset).DownloadToAsync(target, new BlobDownloadToOptions { TransferOptions = this.options.TransferOptions }, cancellationToken);
            }

            File.Move(temp, localPath, overwrite: true);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new AssetNotFoundException(asset);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<bool> DeleteAsync(AssetRef asset, CancellationToken cancellationToken = default) =>
        (await this.BlobOf(asset).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;

    public Task<Uri> GetReadUriAsync(AssetRef asset, TimeSpan? lifetime = null, CancellationToken cancellationToken = default) =>
        links.CreateAsync(this.ContainerOf(asset), asset.Name, this.time.GetUtcNow() + (lifetime ?? this.options.SasLifetime), cancellationToken);

    private string ContainerOf(AssetRef asset) => this.options.ContainerPrefix + asset.Container;

    private BlobClient BlobOf(AssetRef asset) => blobs.GetBlobContainerClient(this.ContainerOf(asset)).GetBlobClient(asset.Name);

    private async Task EnsureContainerAsync(AssetRef asset, CancellationToken cancellationToken)
    {
        var container = this.ContainerOf(asset);
        var creation = this.containers.GetOrAdd(container, name => new Lazy<Task>(() => blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync()));
        try
        {
            await creation.Value.WaitAsync(cancellationToken);
        }
        catch when (creation.Value.IsFaulted)
        {
            // Forget a failed creation so the next upload tries again.
            this.containers.TryRemove(new KeyValuePair<string, Lazy<Task>>(container, creation));
            throw;
        }
    }
}
