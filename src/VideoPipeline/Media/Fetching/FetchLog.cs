using Microsoft.Extensions.Logging;

namespace VideoPipeline.Media.Fetching;

internal static partial class FetchLog
{
    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Refused to fetch from {Host}: {Reason}")]
    public static partial void Refused(this ILogger logger, string host, string reason);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Debug, Message = "{Host} redirected to {Target} (redirect {Count})")]
    public static partial void Redirected(this ILogger logger, string host, string target, int count);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Information, Message = "Downloaded {Bytes} bytes from {Host}")]
    public static partial void Downloaded(this ILogger logger, string host, long bytes);
}
