namespace VideoPipeline.Media.Fetching;

/// <summary>A completed download: where it ended after redirects, what the server called it, its size and lowercase hex SHA-256.</summary>
public sealed record DownloadResult(Uri FinalUri, string? ContentType, long Bytes, string Sha256);
