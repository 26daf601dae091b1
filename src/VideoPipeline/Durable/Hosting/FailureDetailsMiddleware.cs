using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Middleware;
using IExceptionPropertiesProvider = Microsoft.DurableTask.Worker.IExceptionPropertiesProvider;

namespace VideoPipeline.Durable.Hosting;

/// <summary>
/// Gives an activity failure its exception's properties (<see cref="IExceptionPropertiesProvider"/>: an error code,
/// for example): the dispatcher builds failure details from the exception alone, so the activity hands its exception
/// here and the failure event is rebuilt with them.
/// </summary>
internal static class FailureDetailsMiddleware
{
    private static readonly AsyncLocal<StrongBox?> Current = new();

    public static void Keep(Exception exception)
    {
        if (Current.Value is { } box)
        {
            box.Exception = exception;
        }
    }

    public static Func<DispatchMiddlewareContext, Func<Task>, Task> Create(IExceptionPropertiesProvider properties) => async (context, next) =>
    {
        var box = new StrongBox();
        Current.Value = box;
        await next();
        if (box.Exception is { } e && context.GetProperty<ActivityExecutionResult>() is { ResponseEvent: TaskFailedEvent failed } result)
        {
            result.ResponseEvent = new TaskFailedEvent(
                failed.EventId, failed.TaskScheduledId, failed.Reason, failed.Details, new FailureDetails(e, properties.GetExceptionProperties(e)));
        }
    };

    private sealed class StrongBox
    {
        public Exception? Exception { get; set; }
    }
}
