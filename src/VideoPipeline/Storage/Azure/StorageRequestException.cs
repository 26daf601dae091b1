using System.Net;

namespace VideoPipeline.Storage.Azure;

/// <summary>
/// A Blob or Queue request the service refused: the HTTP status plus the service's error code
/// (<see cref="StorageErrorCodes"/>), so callers branch on the code, not on message text.
/// </summary>
public class StorageRequestException(HttpStatusCode status, string? errorCode, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>The service's <c>x-ms-error-code</c>, e.g. BlobNotFound; null when it sent none.</summary>
    public string? ErrorCode { get; } = errorCode;

    public bool IsNotFound => this.Status == HttpStatusCode.NotFound;

    public bool Is(string errorCode) => string.Equals(this.ErrorCode, errorCode, StringComparison.Ordinal);
}
