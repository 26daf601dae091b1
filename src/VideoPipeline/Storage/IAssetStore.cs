namespace VideoPipeline.Storage;

/// <summary>
/// Where every upload, intermediate and final asset lives. Writes replace the whole asset
/// atomically: a reader sees the old content or the new, never a partial file.
/// </summary>
public interface IAssetStore
{
    Task<AssetProperties> UploadFileAsync(
        AssetRef asset,
        string localPath,
        string contentType,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default);

    Task<AssetProperties> UploadAsync(
        AssetRef asset,
        Stream content,
        string contentType,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default);

    /// <summary>Null when the asset does not exist.</summary>
    Task<AssetProperties?> GetPropertiesAsync(AssetRef asset, CancellationToken cancellationToken = default);

    /// <exception cref="AssetNotFoundException">The asset does not exist.</exception>
    Task<Stream> OpenReadAsync(AssetRef asset, CancellationToken cancellationToken = default);

    /// <exception cref="AssetNotFoundException">The asset does not exist.</exception>
    Task DownloadToFileAsync(AssetRef asset, string localPath, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(AssetRef asset, CancellationToken cancellationToken = default);

    /// <summary>A read-only link for users that expires after <paramref name="lifetime"/> (the configured default when null).</summary>
    Task<Uri> GetReadUriAsync(AssetRef asset, TimeSpan? lifetime = null, CancellationToken cancellationToken = default);
}
