namespace VideoPipeline.Host.Api.Video;

/// <summary>The seed 002 video endpoints. Bound from <c>Api:Video</c>.</summary>
public sealed class VideoApiOptions
{
    public const string Section = "Api:Video";

    /// <summary>The largest JSON body accepted (413 above it); requests are prompts and settings, never media.</summary>
    public long MaxJsonBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How long one read of a job's status is reused for further polls of it (on this host). Polls of a
    /// busy job then cost one store read per interval however many clients ask; this host's own writes
    /// (cancel, a stage timeout) drop the entry at once. 2 s: a job's stage changes seconds apart, and each
    /// refresh costs two store reads per polled job (at 1 s the refreshes were most of the status tail in `bench api`).
    /// </summary>
    public TimeSpan StatusCacheTtl { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The Retry-After sent with 202 Accepted: how long a poller should wait before asking again.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(10);
}
