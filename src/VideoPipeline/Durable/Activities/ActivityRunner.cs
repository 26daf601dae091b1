using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Durable.Activities;

/// <summary>
/// Runs one activity delivery the way every host must: refused for good once its deliveries ran out (a worker died
/// on it each time), within its concurrency limits, in its own service scope, and cancelled when its orchestration
/// ends or the host stops.
/// </summary>
public sealed partial class ActivityRunner(
    IServiceScopeFactory scopes,
    ActivityGates gates,
    RunningActivities running,
    ActivityDeliveries deliveries,
    IOptions<DurableTaskOptions> options,
    ILogger<ActivityRunner> logger)
{
    /// <exception cref="ActivityPoisonedException">Too many deliveries died.</exception>
    /// <exception cref="ActivityHandedBackException">The host is stopping; the work must go back to the queue.</exception>
    public async Task<T> RunAsync<T>(ActivityInvocation invocation, Type activityType, Func<IServiceProvider, Task<T>> run)
    {
        var deliveryCount = await deliveries.CountAsync(invocation, CancellationToken.None);
        LogDelivery(logger, deliveryCount, invocation.Name, invocation.TaskId, invocation.InstanceId, invocation.ExecutionId);

        // The span covers the activity's own time (waiting for its pool included), not the runtime's bookkeeping.
        using var span = DurableTelemetry.Source.StartActivity($"activity {invocation.Name}");
        span?.SetTag(DurableTelemetry.InstanceIdTag, invocation.InstanceId);
        span?.SetTag(DurableTelemetry.ActivityNameTag, invocation.Name);
        var poisoned = deliveryCount > options.Value.MaxActivityDeliveries;
        try
        {
            if (poisoned)
            {
                LogPoisoned(logger, invocation.Name, invocation.InstanceId, deliveryCount - 1);
                throw new ActivityPoisonedException(invocation.Name, deliveryCount - 1);
            }

            using var lease = running.Register(invocation.InstanceId);
            try
            {
                using var slot = await gates.EnterAsync(invocation.Name, ActivityPools.Of(activityType), lease.Token);
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ActivityExecution>().Begin(invocation, lease.Token);
                return await run(scope.ServiceProvider);
            }
            catch (Exception e) when (lease.StoppedByHost)
            {
                throw new ActivityHandedBackException(invocation.Name, e);
            }
        }
        finally
        {
            // Finished, failed or handed back: this delivery ended without its worker dying, so it does not count.
            // A poisoned task stays counted: the backend may hold duplicate messages of it, which must not run either.
            if (!poisoned)
            {
                await this.ForgetAsync(invocation);
            }
        }
    }

    private async Task ForgetAsync(ActivityInvocation invocation)
    {
        try
        {
            await deliveries.ForgetAsync(invocation, CancellationToken.None);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or OperationCanceledException)
        {
            // Left behind, the count only matters if this very task is delivered again more times than allowed.
            LogForgetFailed(logger, e, invocation.Name, invocation.InstanceId);
        }
    }

    [LoggerMessage(EventId = 2302, Level = LogLevel.Debug, Message = "Delivery {Count} of {Activity} #{TaskId} of {InstanceId} ({ExecutionId})")]
    private static partial void LogDelivery(ILogger logger, int count, string activity, int taskId, string instanceId, string executionId);

    [LoggerMessage(EventId = 2300, Level = LogLevel.Error, Message = "{Activity} of {InstanceId} was started {Deliveries} times without finishing; failing it")]
    private static partial void LogPoisoned(ILogger logger, string activity, string instanceId, int deliveries);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Could not clear the delivery count of {Activity} of {InstanceId}")]
    private static partial void LogForgetFailed(ILogger logger, Exception exception, string activity, string instanceId);
}

/// <summary>An activity stopped because its host is shutting down; the host returns it to the queue.</summary>
public sealed class ActivityHandedBackException(string activity, Exception inner)
    : Exception($"{activity} stopped because its host is shutting down", inner);
