namespace VideoPipeline.Media.Fetching;

/// <summary>The connect, the overall or the progress timeout ran out.</summary>
public sealed class DownloadTimedOutException(string host, string reason) : DownloadFailedException(host, null, reason);
