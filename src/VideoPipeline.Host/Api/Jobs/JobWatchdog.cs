using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VideoPipeline.Durable;
using VideoPipeline.Host.Api.Video;
using VideoPipeline.Jobs;
using VideoPipeline.Workflow;
using VideoPipeline.Workflow.Contracts;
using VideoPipeline.Workflow.Tasks;

namespace VideoPipeline.Host.Api.Jobs;

/// <summary>
/// Fails any running video job or processing task whose orchestration recorded nothing for longer than its
/// current stage's deadline, with <c>STAGE_TIMEOUT</c> (retryable) and the stage, so none stays "processing"
/// (or "running") forever. Suspended and waiting ones are not running, so never stalled.
/// </summary>
public sealed partial class JobWatchdog(
    DurableTaskClient client, VideoJobs jobs, ProcessingTasks tasks, JobStatusCache cache, IOptions<JobWatchdogOptions> options, TimeProvider time, ILogger<JobWatchdog> logger)
    : BackgroundService
{
    /// <summary>One pass over the running jobs and tasks; the number failed.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var failed = 0;
        var watched = new HashSet<string>([GenerateVideoOrchestrator.Name, .. ProcessingTasks.Orchestrators], StringComparer.OrdinalIgnoreCase);
        var running = client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running], PageSize = 200, FetchInputsAndOutputs = true });
        await foreach (var instance in running.WithCancellation(cancellationToken))
        {
            if (watched.Contains(instance.Name))
            {
                failed += await this.CheckAsync(instance, cancellationToken) ? 1 : 0;
            }
        }

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
        // No stage yet: waiting for a slot (not stalled, just queued).
        if (instance.ReadCustomStatusAs<PipelineStatus>()?.Stage is not { } stage)
        {
            return false;
        }

        var deadline = options.Value.DeadlineOf(stage);
        var quiet = time.GetUtcNow() - instance.LastUpdatedAt;
        var isJob = instance.Name == GenerateVideoOrchestrator.Name;
        var owner = isJob ? instance.ReadInputAs<GenerateVideoInput>()?.OwnerId : ProcessingTasks.OwnerOf(instance);
        if (quiet <= deadline || owner is null)
        {
            return false;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = instance.InstanceId });
        var error = new PipelineError(
            ErrorCodes.StageTimeout,
            $"the {stage} stage made no progress for {quiet:hh\\:mm\\:ss} (its deadline is {deadline:hh\\:mm\\:ss}); submitting the {(isJob ? "job" : "task")} again may succeed",
            Retryable: true,
            stage);
        var failed = isJob
            ? await jobs.FailStalledAsync(owner, instance.InstanceId, error, cancellationToken)
            : await tasks.FailStalledAsync(owner, instance.InstanceId, error, cancellationToken);
        if (!failed)
        {
            return false;
        }

        if (isJob)
        {
            cache.Invalidate(owner, instance.InstanceId);
        }

        LogStalled(logger, instance.InstanceId, stage, deadline);
        return true;
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Job or task {JobId} failed: no progress in stage {Stage} within {Deadline}")]
    private static partial void LogStalled(ILogger logger, string jobId, string stage, TimeSpan deadline);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "The job watchdog's scan failed")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
