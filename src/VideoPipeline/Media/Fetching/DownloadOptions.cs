using VideoPipeline.Resilience;

namespace VideoPipeline.Media.Fetching;

/// <summary>
/// Limits for fetching user-supplied URLs (video_url, music_url, voiceover_url), and the retries and circuit
/// breaker of <see cref="OutboundHttpOptions"/> (per host). Bound from the <c>Downloads</c> section.
/// </summary>
public sealed class DownloadOptions : OutboundHttpOptions
{
    public const string Section = "Downloads";

    public DownloadOptions()
    {
        // Retries wait inside the progress timer (headers included): keep their delays well under it.
        this.MaxRetries = 2;
        this.MaxRetryDelay = TimeSpan.FromSeconds(10);
    }

    /// <summary>The largest body accepted, checked against Content-Length before reading and again while streaming.</summary>
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Redirects followed per download; each hop's scheme and address are checked again.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Refuse plain http (for every hop, redirects included).</summary>
    public bool HttpsOnly { get; set; }

    /// <summary>DNS resolution plus the TCP (and TLS) connect of one hop.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The whole download, redirects included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A download fails when fewer than <see cref="MinProgressBytes"/> arrive within this long (waiting for the
    /// response headers included), so a server trickling bytes cannot hold a worker until <see cref="Timeout"/>.
    /// </summary>
    public TimeSpan ProgressTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MinProgressBytes { get; set; } = 16 * 1024;
}
