namespace VideoPipeline.Media.Fetching;

/// <summary>The URL is not allowed: scheme, credentials, a non-public address, too many redirects. The caller's mistake (400).</summary>
public sealed class DownloadRefusedException(string host, string reason)
    : DownloadException(host, $"Refused to fetch from '{host}': {reason}")
{
    public string Reason { get; } = reason;
}
