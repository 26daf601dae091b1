namespace VideoPipeline.Media.Fetching;

/// <summary>
/// The one way user-supplied URLs are fetched: http(s) only, public addresses only (checked on the address
/// actually connected to, on every redirect hop), bounded in size and time. Failures throw a
/// <see cref="DownloadException"/>: <see cref="DownloadRefusedException"/> (the URL is not allowed: 400),
/// <see cref="DownloadTooLargeException"/> (413), <see cref="DownloadFailedException"/> (the server or network failed).
/// </summary>
public interface ISafeDownloader
{
    /// <summary>Streams the body to <paramref name="path"/> (through a temporary name, renamed on success).</summary>
    Task<DownloadResult> DownloadToFileAsync(Uri url, string path, DownloadLimits? limits = null, CancellationToken cancellationToken = default);

    /// <summary>A HEAD request with the same rules, e.g. to refuse an oversize input before queueing work.</summary>
    Task<DownloadProbe> ProbeAsync(Uri url, CancellationToken cancellationToken = default);
}
