using System.Net;

namespace VideoPipeline.Media.Fetching;

/// <summary>The server answered with an error status, or the network failed: unreachable, reset, DNS.</summary>
public class DownloadFailedException(string host, HttpStatusCode? status, string reason, Exception? inner = null)
    : DownloadException(host, $"Could not fetch from '{host}': {reason}", inner)
{
    /// <summary>The final hop's status; null when there was no answer.</summary>
    public HttpStatusCode? Status { get; } = status;
}
