using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Durable.Activities;

/// <summary>
/// Cancels activities whose orchestration has ended (terminated by a cancel, failed, or purged): the runtime lets
/// them run to the end otherwise, which for an FFmpeg encode can be minutes. Polls only the orchestrations that
/// have an activity running in this process, every <see cref="DurableTaskOptions.CancellationPollInterval"/>.
/// </summary>
public sealed partial class ActivityCancellationWatcher(
    RunningActivities running, DurableTaskClient client, IOptions<DurableTaskOptions> options, TimeProvider time, ILogger<ActivityCancellationWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CancellationPollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var instanceId in running.InstanceIds)
            {
                try
                {
                    var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, stoppingToken);
                    if (instance is null || instance.IsCompleted)
                    {
                        var cancelled = running.Cancel(instanceId);
                        var status = instance is null ? "purged" : instance.RuntimeStatus.ToString();
                        LogCancelled(logger, cancelled, instanceId, status);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Storage briefly unreachable: ask again on the next tick.
                    LogCheckFailed(logger, e, instanceId);
                }
            }
        }
    }

    [LoggerMessage(EventId = 2310, Level = LogLevel.Information, Message = "Cancelled {Count} running activities of {InstanceId}: the orchestration is {Status}")]
    private static partial void LogCancelled(ILogger logger, int count, string instanceId, string status);

    [LoggerMessage(EventId = 2311, Level = LogLevel.Warning, Message = "Could not read the status of {InstanceId} to cancel its activities")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string instanceId);
}
