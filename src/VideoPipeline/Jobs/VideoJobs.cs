using System.Text.Json;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using VideoPipeline.Durable;
using VideoPipeline.Jobs.Admission;
using VideoPipeline.Serialization;
using VideoPipeline.Storage.Tasks;
using VideoPipeline.Workflow;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Jobs;

/// <summary>
/// Generate jobs for callers (the HTTP API, the CLI): submit, read, cancel, list. A job is a task
/// record in its owner's partition plus a GenerateVideo orchestration whose instance id is the job id;
/// the record answers "whose is it", the orchestration "where is it now". Jobs wait for a slot of the
/// GenerateVideo admission line, in priority order, before they start.
/// </summary>
public sealed class VideoJobs(
    DurableTaskClient client,
    ITaskStore tasks,
    JobEventRecorder recorder,
    JobAdmission admission,
    IOptions<PipelineOptions> options,
    IOptions<Providers.Routing.SceneRoutingOptions> routing,
    IOptions<AdmissionOptions> admissionOptions,
    TimeProvider time)
{
    /// <summary>An existing instance in any of these states is the job already: a repeated submit starts nothing new.</summary>
    internal static readonly IReadOnlyList<string> AnyStartedState =
        [.. Enum.GetNames<OrchestrationRuntimeStatus>().Where(s => s != nameof(OrchestrationRuntimeStatus.Pending))];

    private static string Line => TaskNames.Of<GenerateVideoOrchestrator>();

    /// <summary>How long a cancel waits for the worker to stop the orchestration before it records the event.</summary>
    private static readonly TimeSpan TerminationWait = TimeSpan.FromSeconds(5);

    /// <summary>Creates the job (or finds it, when its id exists for this owner) and queues it.</summary>
    /// <exception cref="JobConflictException">The id belongs to another owner's job.</exception>
    public async Task<JobView> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken)
    {
        var jobId = submission.JobId ?? Guid.NewGuid().ToString("N");

        // A caller's id may be taken (by another owner); a fresh one cannot be.
        if (submission.JobId is not null
            && await client.GetInstanceAsync(jobId, getInputsAndOutputs: true, cancellationToken) is { } existing
            && existing.ReadInputAs<GenerateVideoInput>()?.OwnerId != submission.OwnerId)
        {
            throw new JobConflictException(jobId);
        }

        // The record first: a job that was accepted is listed even if queueing it fails (a retried submit queues it).
        TaskRecord record;
        try
        {
            record = await tasks.CreateAsync(
                new TaskRecord
                {
                    Id = jobId,
                    OwnerId = submission.OwnerId,
                    Type = TaskRecordType.Generate,
                    Priority = submission.Priority,
                    CurrentStage = Domain.PipelineStage.Pending,
                    Input = JsonSerializer.SerializeToElement(
                        new StoredJobInput(submission.Request, submission.Notification.WebhookUrl, submission.Notification.Metadata, submission.Music, submission.ScriptAudio),
                        PipelineJson.Options),
                    RequestHash = submission.RequestHash,
                    MaxRetries = options.Value.RetryMaxAttempts,
                    CreatedAt = time.GetUtcNow(),
                },
                cancellationToken);
        }
        catch (TaskAlreadyExistsException)
        {
            // The same submission again (an idempotent retry): make sure it is queued.
            record = await tasks.GetAsync(submission.OwnerId, jobId, cancellationToken: cancellationToken)
                ?? throw new JobConflictException(jobId);
            if (record.Type != TaskRecordType.Generate)
            {
                throw new JobConflictException(jobId);
            }
        }

        var limited = admission.IsLimited(Line);
        if (limited)
        {
            // In line before it is queued, so the answer below already has its place.
            await admission.JoinAsync(Line, jobId, record.Priority, record.CreatedAt, cancellationToken);
        }

        var input = new GenerateVideoInput(jobId, submission.Request, submission.Music, submission.ScriptAudio)
        {
            Settings = OrchestrationSettings.From(options.Value, routing.Value) with
            {
                AdmissionLine = limited ? Line : null,
                AdmissionRecheckSeconds = admissionOptions.Value.RecheckInterval.TotalSeconds,
            },
            OwnerId = submission.OwnerId,
            Notification = submission.Notification,
            Priority = record.Priority,
            SubmittedAt = record.CreatedAt,
        };
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                Line, input, new StartOrchestrationOptions(jobId) { DedupeStatuses = AnyStartedState }, cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // Queued before: this is a repeat.
        }

        return await this.WithEstimateAsync(FromRecord(record), cancellationToken);
    }

    /// <summary>The job as its owner sees it; null when there is no such job for this owner.</summary>
    public async Task<JobView?> GetAsync(string ownerId, string jobId, CancellationToken cancellationToken)
    {
        var record = await tasks.GetAsync(ownerId, jobId, cancellationToken: cancellationToken);
        return record is null || record.Type != TaskRecordType.Generate
            ? null
            : await this.ViewAsync(record, await client.GetInstanceAsync(jobId, getInputsAndOutputs: true, cancellationToken), cancellationToken);
    }

    private async Task<JobView> ViewAsync(TaskRecord record, OrchestrationMetadata? instance, CancellationToken cancellationToken)
    {
        var view = FromRecord(record);
        if (instance is null)
        {
            return view;
        }

        var status = instance.ReadCustomStatusAs<PipelineStatus>();
        view = view with
        {
            // The record tells pending (waiting for a slot) from processing; the orchestration, how it ended.
            Status = instance.RuntimeStatus switch
            {
                OrchestrationRuntimeStatus.Completed => JobStatus.Completed,
                OrchestrationRuntimeStatus.Failed => JobStatus.Failed,

                // A job failed from outside (a stage deadline) is terminated, yet its record says why: failed.
                OrchestrationRuntimeStatus.Terminated => view.Status == JobStatus.Failed ? JobStatus.Failed : JobStatus.Cancelled,

                // Past admission its stages report themselves at once; the record follows when its events are recorded.
                _ => view.Status == JobStatus.Pending && status is not null ? JobStatus.Processing : view.Status,
            },
            LastUpdatedAt = instance.LastUpdatedAt,
            IsSuspended = instance.RuntimeStatus == OrchestrationRuntimeStatus.Suspended,
            Progress = Math.Max(view.Progress, status?.Progress ?? 0),
            CurrentStage = status?.Stage ?? view.CurrentStage,
            CompletedAt = view.CompletedAt ?? (instance.IsCompleted ? instance.LastUpdatedAt : null),
            Error = status?.Error ?? view.Error ?? FailureOf(instance),
        };

        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed && instance.SerializedOutput is not null)
        {
            var result = instance.ReadOutputAs<GenerateVideoResult>()!;
            return view with { Progress = 100, Outputs = JobOutputs.From(result), Warnings = result.Warnings, Usage = Domain.UsageTotals.From(result.Usage) };
        }

        return view.IsFinished ? view : await this.WithEstimateAsync(view, cancellationToken);
    }

    /// <summary>Cancels a job that has not finished; false when there is no such job for this owner, or it had finished.</summary>
    public Task<bool> CancelAsync(string ownerId, string jobId, CancellationToken cancellationToken) =>
        this.CancelAsync(ownerId, jobId, "cancelled by its owner", cancellationToken);

    /// <inheritdoc cref="CancelAsync(string, string, CancellationToken)"/>
    /// <param name="reason">Recorded as the orchestration's termination reason.</param>
    public async Task<bool> CancelAsync(string ownerId, string jobId, string reason, CancellationToken cancellationToken)
    {
        var view = await this.GetAsync(ownerId, jobId, cancellationToken);
        if (view is null || view.IsFinished)
        {
            return false;
        }

        await client.TerminateInstanceAsync(jobId, reason, cancellationToken);

        // Once it reads as terminated it emits nothing more, and its status names the last event number it used.
        var ended = await this.WaitForTerminationAsync(jobId, cancellationToken);
        if (ended?.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed)
        {
            // It finished on its own before the terminate reached it.
            return false;
        }

        await this.RecordAsync(view, JobEventTypes.Cancelled, null, ended, cancellationToken);
        await this.LeaveLineAsync(jobId, cancellationToken);
        return true;
    }

    /// <summary>
    /// Ends a job that stopped making progress: its orchestration is terminated and its record failed with
    /// <paramref name="error"/>, so status reads, lists and webhooks all say why. False when it had finished.
    /// </summary>
    public async Task<bool> FailStalledAsync(string ownerId, string jobId, PipelineError error, CancellationToken cancellationToken)
    {
        var view = await this.GetAsync(ownerId, jobId, cancellationToken);
        if (view is null || view.IsFinished)
        {
            return false;
        }

        // The record first: once the orchestration reads as terminated, the record must already say failed.
        // (It has emitted nothing for a whole stage deadline, so the status read now names its last event.)
        await this.RecordAsync(view, JobEventTypes.Failed, error, await client.GetInstanceAsync(jobId, cancellationToken), cancellationToken);
        await client.TerminateInstanceAsync(jobId, $"{error.Code}: {error.Message}", cancellationToken);
        await this.LeaveLineAsync(jobId, cancellationToken);
        return true;
    }

    /// <summary>One owner's jobs, newest first, from their task records.</summary>
    public async Task<(IReadOnlyList<JobView> Jobs, string? ContinuationToken)> ListAsync(
        string ownerId, JobStatus? status, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var page = await tasks.ListAsync(
            ownerId,
            new TaskListQuery { Status = status is { } s ? RecordStatusOf(s) : null, PageSize = pageSize, ContinuationToken = continuationToken },
            cancellationToken);
        return (page.Items.Where(r => r.Type == TaskRecordType.Generate).Select(FromRecord).ToList(), page.ContinuationToken);
    }

    private Task RecordAsync(JobView view, string type, PipelineError? error, OrchestrationMetadata? instance, CancellationToken cancellationToken) =>
        recorder.RecordFromOutsideAsync(
            new JobEvent(view.JobId, view.OwnerId, 0, type, time.GetUtcNow().UtcDateTime)
            {
                Stage = error?.FailedStage ?? view.CurrentStage,
                Progress = view.Progress,
                Error = error,
                Notification = new JobNotification(view.WebhookUrl, view.Metadata),
            },
            instance,
            cancellationToken);

    private async Task<OrchestrationMetadata?> WaitForTerminationAsync(string jobId, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TerminationWait);
        try
        {
            return await client.WaitForInstanceCompletionAsync(jobId, getInputsAndOutputs: false, bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // No worker took the terminate yet: number after what it had emitted by now.
            return await client.GetInstanceAsync(jobId, cancellationToken);
        }
    }

    // Its slot goes to the next job now rather than at the next admission pass.
    private async Task LeaveLineAsync(string jobId, CancellationToken cancellationToken)
    {
        if (admission.IsLimited(Line))
        {
            foreach (var next in await admission.LeaveAsync(Line, jobId, cancellationToken))
            {
                await client.RaiseEventAsync(next, AdmissionSteps.AdmittedEvent, true, cancellationToken);
            }
        }
    }

    private async Task<JobView> WithEstimateAsync(JobView view, CancellationToken cancellationToken)
    {
        if (view.IsFinished || !admission.IsLimited(Line))
        {
            return view;
        }

        var now = time.GetUtcNow();
        var typical = await admission.TypicalRunTimeAsync(Line, cancellationToken);
        if (view.Status == JobStatus.Pending)
        {
            var place = await admission.EstimateAsync(new AdmissionTicket { Id = view.JobId, Line = Line, Priority = view.Priority, CreatedAt = view.CreatedAt }, cancellationToken);
            var completion = place.EstimatedWait is { } wait && typical is { } run ? now + wait + run : (DateTimeOffset?)null;
            return view with
            {
                QueuePosition = place.Position > 0 ? place.Position : null,
                EstimatedCompletionTime = completion,
                EstimatedTimeRemaining = completion - now,
            };
        }

        // Running: the typical run's remainder, or (once it is under way) what its progress so far implies.
        var elapsed = now - (view.StartedAt ?? now);
        TimeSpan? remaining = view.Progress >= 10
            ? elapsed * (100 - view.Progress) / view.Progress
            : typical is { } t ? t - elapsed : null;
        if (remaining < TimeSpan.Zero)
        {
            remaining = TimeSpan.Zero;
        }

        return view with { EstimatedTimeRemaining = remaining, EstimatedCompletionTime = now + remaining };
    }

    private static JobView FromRecord(TaskRecord record)
    {
        var stored = record.Input is { } json ? json.Deserialize<StoredJobInput>(PipelineJson.Options) : null;
        return new JobView
        {
            JobId = record.Id,
            OwnerId = record.OwnerId,
            Status = record.Status switch
            {
                TaskRecordStatus.Pending => JobStatus.Pending,
                TaskRecordStatus.Running => JobStatus.Processing,
                TaskRecordStatus.Succeeded => JobStatus.Completed,
                TaskRecordStatus.Failed => JobStatus.Failed,
                _ => JobStatus.Cancelled,
            },
            Progress = record.Progress,
            CurrentStage = record.CurrentStage ?? Domain.PipelineStage.Pending,
            CreatedAt = record.CreatedAt,
            StartedAt = record.StartedAt,
            CompletedAt = record.CompletedAt,
            Outputs = record.Output,
            Error = record.Error is { } e ? new PipelineError(e.Code, e.Message, e.Retryable, e.FailedStage ?? "") : null,
            Request = stored?.Request,
            Metadata = stored?.Metadata,
            WebhookUrl = stored?.WebhookUrl,
            Priority = record.Priority,
            RequestHash = record.RequestHash,
        };
    }

    private static TaskRecordStatus RecordStatusOf(JobStatus status) => status switch
    {
        JobStatus.Pending => TaskRecordStatus.Pending,
        JobStatus.Processing => TaskRecordStatus.Running,
        JobStatus.Completed => TaskRecordStatus.Succeeded,
        JobStatus.Failed => TaskRecordStatus.Failed,
        _ => TaskRecordStatus.Cancelled,
    };

    private static PipelineError? FailureOf(OrchestrationMetadata instance) =>
        instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed && instance.FailureDetails is { } f
            ? new PipelineError(f.Property("code") ?? Domain.ErrorCodes.StageFailed, f.ErrorMessage.Split('\n', 2)[0], !PipelineRetry.IsPermanent(f), "unknown")
            : null;
}

/// <summary>A job id that another owner's job already uses.</summary>
public sealed class JobConflictException(string jobId) : Exception($"Job id '{jobId}' is taken")
{
    public string JobId { get; } = jobId;
}
