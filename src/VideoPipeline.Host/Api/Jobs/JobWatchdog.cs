using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Durable;
using VideoPipeline.Durable.Engine;
using VideoPipeline.Host.Api.Video;
using VideoPipeline.Jobs;
using VideoPipeline.Workflow;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Host.Api.Jobs;

/// <summary>
/// Fails any running video job whose orchestration recorded nothing for longer than its current stage's
/// deadline, with <c>STAGE_TIMEOUT</c> (retryable) and the stage, so no job stays "processing" forever.
/// Suspended and waiting jobs are not running, so never stalled.
/// </summary>
public sealed partial class JobWatchdog(
    DurableClient client, VideoJobs jobs, JobStatusCache cache, IOptions<JobWatchdogOptions> options, TimeProvider time, ILogger<JobWatchdog> logger)
    : BackgroundService
{
    /// <summary>One pass over the running jobs; the number failed.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var failed = 0;
        string? continuation = null;
        do
        {
            var (instances, next) = await client.QueryInstancesAsync(
                new InstanceQuery { Name = GenerateVideoOrchestrator.Name, Statuses = [OrchestrationRuntimeStatus.Running], PageSize = 200, ContinuationToken = continuation },
                getInputsAndOutputs: true,
                cancellationToken);
            foreach (var instance in instances)
            {
                failed += await this.CheckAsync(instance, cancellationToken) ? 1 : 0;
            }

            continuation = next;
        }
        while (continuation is not null);
        return failed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await this.ScanAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A store outage must not stop the watchdog: the next tick tries again.
                LogScanFailed(logger, e);
            }
        }
    }

    private async Task<bool> CheckAsync(OrchestrationMetadata instance, CancellationToken cancellationToken)
    {
        var stage = instance.ReadCustomStatusAs<PipelineStatus>()?.Stage ?? PipelineStage.Pending;
        var deadline = options.Value.DeadlineOf(stage);
        var quiet = time.GetUtcNow().UtcDateTime - instance.LastUpdatedAt;
        if (quiet <= deadline || instance.ReadInputAs<GenerateVideoInput>().OwnerId is not { } owner)
        {
            return false;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = instance.InstanceId });
        var error = new PipelineError(
            ErrorCodes.StageTimeout,
            $"the {stage} stage made no progress for {quiet:hh\\:mm\\:ss} (its deadline is {deadline:hh\\:mm\\:ss}); submitting the job again may succeed",
            Retryable: true,
            stage);
        if (!await jobs.FailStalledAsync(owner, instance.InstanceId, error, cancellationToken))
        {
            return false;
        }

        cache.Invalidate(owner, instance.InstanceId);
        LogStalled(logger, instance.InstanceId, stage, deadline);
        return true;
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Job {JobId} failed: no progress in stage {Stage} within {Deadline}")]
    private static partial void LogStalled(ILogger logger, string jobId, string stage, TimeSpan deadline);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "The job watchdog's scan failed")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
