using VideoPipeline.Storage;

namespace VideoPipeline.Workflow.Tasks;

/// <summary>
/// Where a task's input media comes from: a user URL (fetched only through the SSRF-safe downloader, inside
/// an activity), an asset the owner already has (an upload or an earlier task's output), or, for the blob
/// trigger, one version of a blob.
/// </summary>
public sealed record MediaSource
{
    public Uri? Url { get; init; }

    public AssetRef? Asset { get; init; }

    /// <summary>The asset must still have this ETag: the blob version that triggered the task.</summary>
    public string? ETag { get; init; }

    public static MediaSource FromUrl(Uri url) => new() { Url = url };

    public static MediaSource FromAsset(AssetRef asset, string? etag = null) => new() { Asset = asset, ETag = etag };
}

/// <summary>What an input must contain.</summary>
public enum MediaKind
{
    Video,
    Audio,
}
