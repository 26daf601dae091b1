using System.Collections.Concurrent;
using VideoPipeline.Storage;

namespace VideoPipeline.Media;

/// <summary>
/// A private scratch folder for one activity execution: assets are downloaded here for FFmpeg and
/// friends, outputs are written here before upload, and everything is deleted on dispose.
/// </summary>
public sealed class MediaWorkspace : IDisposable
{
    private readonly ConcurrentDictionary<AssetRef, Lazy<Task<string>>> downloads = new();

    private MediaWorkspace(string directory) => this.Directory = directory;

    public string Directory { get; }

    public static MediaWorkspace Create(string root, string label)
    {
        var safe = new string(label.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        var directory = Path.Combine(Path.GetFullPath(root), $"{safe}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        return new MediaWorkspace(directory);
    }

    public string PathFor(string fileName) => Path.Combine(this.Directory, fileName);

    /// <summary>Downloads an asset into the workspace (streamed) for tools to read.</summary>
    /// <exception cref="AssetNotFoundException">The asset does not exist.</exception>
    /// <remarks>Each asset is downloaded once, however many callers ask for it at the same time.</remarks>
    public Task<string> MaterializeAsync(IAssetStore store, AssetRef asset, CancellationToken cancellationToken) =>
        this.downloads.GetOrAdd(asset, a => new Lazy<Task<string>>(() => this.DownloadAsync(store, a, cancellationToken))).Value;

    private async Task<string> DownloadAsync(IAssetStore store, AssetRef asset, CancellationToken cancellationToken)
    {
        var target = this.PathFor($"{asset.Container}-{asset.Name.Replace('/', '-')}");
        await store.DownloadToFileAsync(asset, target, cancellationToken);
        return target;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(this.Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover scratch folder must not fail the activity.
        }
    }
}
