using System.Net;
using Microsoft.Extensions.Logging;

namespace VideoPipeline.Storage.Azure;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "{Service} {Method} {Path} answered {Status}; retry {Attempt} in {Delay}")]
    public static partial void RetryingStatus(
        this ILogger logger, string service, string method, string path, HttpStatusCode status, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "{Service} {Method} {Path} failed ({Reason}); retry {Attempt} in {Delay}")]
    public static partial void RetryingFailure(
        this ILogger logger, string service, string method, string path, string reason, int attempt, TimeSpan delay);
}
