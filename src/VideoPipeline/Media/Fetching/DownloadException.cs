namespace VideoPipeline.Media.Fetching;

/// <summary>
/// A user-supplied URL could not be fetched. Messages name the host, never the whole URL: query strings
/// often carry credentials (SAS tokens, signed URLs).
/// </summary>
public abstract class DownloadException(string host, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Host { get; } = host;
}
