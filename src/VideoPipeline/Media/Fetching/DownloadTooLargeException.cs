namespace VideoPipeline.Media.Fetching;

/// <summary>The body is larger than the limit, by its Content-Length or while streaming (413).</summary>
public sealed class DownloadTooLargeException(string host, long maxBytes, long? declaredBytes)
    : DownloadException(host, declaredBytes is { } declared
        ? $"The file at '{host}' is {declared} bytes; the limit is {maxBytes}"
        : $"The file at '{host}' is larger than the limit of {maxBytes} bytes")
{
    public long MaxBytes { get; } = maxBytes;

    /// <summary>The Content-Length the server sent, when that is what gave it away; null when caught while streaming.</summary>
    public long? DeclaredBytes { get; } = declaredBytes;
}
