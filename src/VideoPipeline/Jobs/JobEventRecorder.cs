using Microsoft.Extensions.Logging;
using Microsoft.DurableTask.Client;
using VideoPipeline.Storage.Tasks;
using VideoPipeline.Workflow;

namespace VideoPipeline.Jobs;

/// <summary>
/// Applies a job event to the job's task record (status, stage, progress, outputs, error) and passes it
/// to the sinks. Idempotent: replaying an event changes nothing, and a late progress event never
/// reopens a finished job.
/// </summary>
public sealed partial class JobEventRecorder(ITaskStore tasks, IEnumerable<IJobEventSink> sinks, ILogger<JobEventRecorder> logger)
{
    public async Task RecordAsync(JobEvent jobEvent, CancellationToken cancellationToken)
    {
        try
        {
            await tasks.UpdateAsync(jobEvent.OwnerId, jobEvent.JobId, record => Apply(record, jobEvent), cancellationToken);
        }
        catch (TaskNotFoundException)
        {
            // A job started without a record (a test or a tool driving the orchestrator directly).
            LogNoRecord(logger, jobEvent.JobId, jobEvent.Type);
        }

        foreach (var sink in sinks)
        {
            await sink.PublishAsync(jobEvent, cancellationToken);
        }
    }

    /// <summary>
    /// Records an event from outside the job's orchestration (a cancel, a stage timeout). Its number follows both
    /// the record's last and the last the orchestration emitted (<see cref="PipelineStatus.EventSequence"/> in
    /// <paramref name="instance"/>), which may not be recorded yet, so the two never share a number.
    /// </summary>
    /// <param name="draft">The event; its <see cref="JobEvent.Sequence"/> is set here.</param>
    public async Task RecordFromOutsideAsync(JobEvent draft, OrchestrationMetadata? instance, CancellationToken cancellationToken)
    {
        var record = await tasks.GetAsync(draft.OwnerId, draft.JobId, cancellationToken: cancellationToken);
        var emitted = instance?.ReadCustomStatusAs<PipelineStatus>()?.EventSequence ?? 0;
        await this.RecordAsync(draft with { Sequence = Math.Max(record?.LastEventSequence ?? 0, emitted) + 1 }, cancellationToken);
    }

    /// <summary>
    /// Progress from inside a long activity (no event, no webhook): raises the record's progress and stage while the
    /// job runs; never lowers it, never touches a finished job.
    /// </summary>
    public async Task RecordProgressAsync(JobProgressTarget target, int progress, CancellationToken cancellationToken)
    {
        try
        {
            await tasks.UpdateAsync(target.OwnerId, target.JobId, record =>
                record.Status == TaskRecordStatus.Running && progress > record.Progress
                    ? record with { Progress = progress, CurrentStage = target.Stage }
                    : record, cancellationToken);
        }
        catch (TaskNotFoundException)
        {
            LogNoRecord(logger, target.JobId, "progress");
        }
    }

    public static TaskRecord Apply(TaskRecord record, JobEvent e)
    {
        var finished = record.Status is TaskRecordStatus.Succeeded or TaskRecordStatus.Failed or TaskRecordStatus.Cancelled;
        var updated = record with { LastEventSequence = Math.Max(record.LastEventSequence, e.Sequence) };
        if (finished)
        {
            return updated;
        }

        var at = new DateTimeOffset(e.OccurredAt, TimeSpan.Zero);
        return e.Type switch
        {
            JobEventTypes.Started => updated with { Status = TaskRecordStatus.Running, StartedAt = at, CurrentStage = e.Stage ?? updated.CurrentStage, Progress = e.Progress },
            JobEventTypes.Progress => updated with { Status = TaskRecordStatus.Running, CurrentStage = e.Stage ?? updated.CurrentStage, Progress = e.Progress },
            JobEventTypes.Succeeded => updated with
            {
                Status = TaskRecordStatus.Succeeded,
                CurrentStage = e.Stage ?? updated.CurrentStage,
                Progress = 100,
                Output = e.Outputs ?? updated.Output,
                CompletedAt = at,
            },
            JobEventTypes.Failed => updated with
            {
                Status = TaskRecordStatus.Failed,
                Error = e.Error is { } error ? new TaskError(error.Code, error.Message, error.Retryable, error.FailedStage) : updated.Error,
                CompletedAt = at,
            },
            JobEventTypes.Cancelled => updated with { Status = TaskRecordStatus.Cancelled, CompletedAt = at },
            _ => updated,
        };
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Debug, Message = "Job {JobId} has no task record; {Type} not recorded there")]
    private static partial void LogNoRecord(ILogger logger, string jobId, string type);
}
