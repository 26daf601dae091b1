using Microsoft.Extensions.Logging;

namespace VideoPipeline.Providers.AzureOpenAI;

internal static partial class AzureOpenAILog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Azure OpenAI {Operation}: {Problem}; retry {Attempt} in {Delay}")]
    public static partial void Retrying(this ILogger logger, string operation, string problem, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Azure OpenAI {Operation}: {Problem}; moving to {Next}")]
    public static partial void FailingOver(this ILogger logger, string operation, string problem, string next);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Azure OpenAI planner {Deployment} gave an invalid plan ({Problem}); asking once more")]
    public static partial void PlanInvalid(this ILogger logger, string deployment, string problem);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Azure OpenAI planner {Deployment} gave an invalid plan again ({Problem}); using {Fallback}")]
    public static partial void PlanFallback(this ILogger logger, string deployment, string problem, string fallback);
}
