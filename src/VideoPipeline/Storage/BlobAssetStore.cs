using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Storage;

/// <summary>
/// Assets as block blobs, one container per asset kind (<see cref="AssetContainers"/>), each created once on
/// first use. Uploads commit their block list only when every block is in, so a reader sees the old asset or
/// the new one, never a partial one. Read links are read-only service SAS URLs.
/// </summary>
public sealed class BlobAssetStore(BlobServiceClient blobs, IOptions<StorageOptions> options, TimeProvider? time = null) : IAssetStore
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
        await this.EnsureContainerAsync(asset, cancellationToken);
        var uploaded = await blobs.UploadFileAsync(this.ContainerOf(asset), asset.Name, localPath, Upload(contentType, metadata), cancellationToken);
        return ToAsset(asset, uploaded);
    }

    public async Task<AssetProperties> UploadAsync(
        AssetRef asset,
        Stream content,
        string contentType,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        await this.EnsureContainerAsync(asset, cancellationToken);
        var uploaded = await blobs.UploadAsync(this.ContainerOf(asset), asset.Name, content, Upload(contentType, metadata), cancellationToken);
        return ToAsset(asset, uploaded);
    }

    public async Task<AssetProperties?> GetPropertiesAsync(AssetRef asset, CancellationToken cancellationToken = default)
    {
        var properties = await blobs.GetPropertiesAsync(this.ContainerOf(asset), asset.Name, cancellationToken: cancellationToken);
        return properties is null ? null : ToAsset(asset, properties);
    }

    public async Task<Stream> OpenReadAsync(AssetRef asset, CancellationToken cancellationToken = default)
    {
        try
        {
            return await blobs.DownloadAsync(this.ContainerOf(asset), asset.Name, cancellationToken: cancellationToken);
        }
        catch (StorageRequestException e) when (e.IsNotFound)
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
            await using (var source = await this.OpenReadAsync(asset, cancellationToken))
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await source.CopyToAsync(target, 1 << 20, cancellationToken);
            }

            File.Move(temp, localPath, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<bool> DeleteAsync(AssetRef asset, CancellationToken cancellationToken = default) =>
        blobs.DeleteAsync(this.ContainerOf(asset), asset.Name, cancellationToken: cancellationToken);

    public Uri GetReadUri(AssetRef asset, TimeSpan? lifetime = null) =>
        blobs.CreateReadSasUri(this.ContainerOf(asset), asset.Name, this.time.GetUtcNow() + (lifetime ?? this.options.SasLifetime));

    private string ContainerOf(AssetRef asset) => this.options.ContainerPrefix + asset.Container;

    private async Task EnsureContainerAsync(AssetRef asset, CancellationToken cancellationToken)
    {
        var container = this.ContainerOf(asset);
        var creation = this.containers.GetOrAdd(container, name => new Lazy<Task>(() => blobs.CreateContainerAsync(name)));
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

    private static BlobUploadOptions Upload(string contentType, IReadOnlyDictionary<string, string>? metadata) =>
        new() { ContentType = contentType, Metadata = metadata };

    private static AssetProperties ToAsset(AssetRef asset, BlobProperties blob) =>
        new(asset, blob.Length, blob.ContentType, blob.ETag, blob.LastModified, blob.Metadata);
}
