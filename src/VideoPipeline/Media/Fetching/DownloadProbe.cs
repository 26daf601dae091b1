namespace VideoPipeline.Media.Fetching;

/// <summary>What a HEAD request said about a URL: where it ended after redirects, its type and declared length (null when not sent).</summary>
public sealed record DownloadProbe(Uri FinalUri, string? ContentType, long? Length);
