using Microsoft.Extensions.Logging;

namespace VideoPipeline.Providers.Http;

internal static partial class ProviderLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning,
        Message = "{Service} {Operation} at {Server} failed after its retries ({Reason}); trying the next server")]
    public static partial void ProviderServerFailed(this ILogger logger, string service, string operation, Uri server, string reason);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information,
        Message = "{Service} accepted job {JobId} at {Server}")]
    public static partial void JobSubmitted(this ILogger logger, string service, string jobId, Uri server);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning,
        Message = "{Service} could not cancel job {JobId}: {Reason}")]
    public static partial void CancelFailed(this ILogger logger, string service, string jobId, string reason);
}
