namespace VideoPipeline.Media.Fetching;

/// <summary>Per-call overrides of <see cref="DownloadOptions"/>; null keeps the configured value.</summary>
public sealed record DownloadLimits(long? MaxBytes = null, TimeSpan? Timeout = null);
