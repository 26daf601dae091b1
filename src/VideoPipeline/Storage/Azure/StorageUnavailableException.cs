using System.Net;

namespace VideoPipeline.Storage.Azure;

/// <summary>The storage service could not be reached at all (refused, reset, timed out) after the retries.</summary>
public sealed class StorageUnavailableException(string message, Exception inner)
    : StorageRequestException(HttpStatusCode.ServiceUnavailable, null, message, inner);
