using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Storage;

/// <summary>
/// Assets as files under one root: <c>{root}/{container}/{name}</c>, with content type and
/// metadata in a sidecar under <c>{root}/.meta</c>. Writes go to a temporary file that is
/// renamed into place, so a crash never leaves a partial asset under its final name.
/// </summary>
public sealed class FileAssetStore(IOptions<StorageOptions> options) : IAssetStore
{
    private readonly string root = Path.GetFullPath(options.Value.FileRoot);

    public async Task<AssetProperties> UploadFileAsync(
        AssetRef asset,
        string localPath,
        string contentType,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        await using var source = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return await this.UploadAsync(asset, source, contentType, metadata, cancellationToken);
    }

    public async Task<AssetProperties> UploadAsync(
        AssetRef asset,
        Stream content,
        string contentType,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        var path = this.PathOf(asset);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await content.CopyToAsync(target, cancellationToken);
            }

            await this.WriteSidecarAsync(asset, new Sidecar(contentType, metadata ?? new Dictionary<string, string>()), cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return (await this.GetPropertiesAsync(asset, cancellationToken))!;
    }

    public async Task<AssetProperties?> GetPropertiesAsync(AssetRef asset, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(this.PathOf(asset));
        if (!file.Exists)
        {
            return null;
        }

        var sidecar = await this.ReadSidecarAsync(asset, cancellationToken);
        var etag = string.Create(CultureInfo.InvariantCulture, $"\"{file.LastWriteTimeUtc.Ticks:x}-{file.Length:x}\"");
        return new AssetProperties(
            asset,
            file.Length,
            sidecar?.ContentType ?? ContentTypes.FromExtension(file.Name),
            etag,
            new DateTimeOffset(file.LastWriteTimeUtc),
            sidecar?.Metadata ?? new Dictionary<string, string>());
    }

    public Task<Stream> OpenReadAsync(AssetRef asset, CancellationToken cancellationToken = default)
    {
        try
        {
            Stream stream = new FileStream(this.PathOf(asset), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            return Task.FromResult(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AssetNotFoundException(asset);
        }
    }

    public async Task DownloadToFileAsync(AssetRef asset, string localPath, CancellationToken cancellationToken = default)
    {
        await using var source = await this.OpenReadAsync(asset, cancellationToken);
        await using var target = new FileStream(localPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await source.CopyToAsync(target, cancellationToken);
    }

    public Task<bool> DeleteAsync(AssetRef asset, CancellationToken cancellationToken = default)
    {
        var path = this.PathOf(asset);
        var existed = File.Exists(path);
        File.Delete(path);
        File.Delete(this.SidecarPathOf(asset));
        return Task.FromResult(existed);
    }

    public Uri GetReadUri(AssetRef asset, TimeSpan? lifetime = null) => new(this.PathOf(asset));

    public string? TryGetLocalPath(AssetRef asset) => this.PathOf(asset);

    private string PathOf(AssetRef asset) => this.Resolve(asset.Container, asset.Name);

    private string SidecarPathOf(AssetRef asset) => this.Resolve(Path.Combine(".meta", asset.Container), asset.Name + ".json");

    // Names come from our own code, but a name that climbs out of the root is refused anyway.
    private string Resolve(string container, string name)
    {
        if (string.IsNullOrWhiteSpace(container) || string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("Asset container and name must not be empty");
        }

        var full = Path.GetFullPath(Path.Combine(this.root, container, name));
        if (!full.StartsWith(this.root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Asset name '{container}/{name}' escapes the store root");
        }

        return full;
    }

    private async Task WriteSidecarAsync(AssetRef asset, Sidecar sidecar, CancellationToken cancellationToken)
    {
        var path = this.SidecarPathOf(asset);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(sidecar), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    private async Task<Sidecar?> ReadSidecarAsync(AssetRef asset, CancellationToken cancellationToken)
    {
        var path = this.SidecarPathOf(asset);
        return File.Exists(path)
            ? JsonSerializer.Deserialize<Sidecar>(await File.ReadAllTextAsync(path, cancellationToken))
            : null;
    }

    private sealed record Sidecar(string ContentType, IReadOnlyDictionary<string, string> Metadata);
}
