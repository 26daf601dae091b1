using Microsoft.Extensions.Logging;

namespace VideoPipeline.Storage.Tasks;

internal static partial class TaskStoreLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Task {Id} changed under us (attempt {Attempt}); re-reading")]
    public static partial void UpdateConflict(this ILogger logger, string id, int attempt);
}
