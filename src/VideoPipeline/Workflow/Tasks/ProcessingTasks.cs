using System.Text.Json;
using Microsoft.Extensions.Options;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VideoPipeline.Durable;
using VideoPipeline.Jobs;
using VideoPipeline.Storage.Tasks;
using VideoPipeline.Workflow.Contracts;
using VideoPipeline.Workflow.Tasks.Trigger;

namespace VideoPipeline.Workflow.Tasks;

/// <summary>
/// Starts processing tasks for the API and the blob trigger: a task record in the owner's partition, then an
/// orchestration whose instance id is the task id. Idempotent: submitting the same id again queues nothing new.
/// </summary>
public sealed class ProcessingTasks(
    DurableTaskClient client, ITaskStore tasks, JobEventRecorder recorder, BlobPoisoner poisoner, IOptions<PipelineOptions> options, TimeProvider time)
{
    /// <summary>The orchestrators of processing tasks.</summary>
    public static IReadOnlyList<string> Orchestrators { get; } =
        [TaskNames.Of<CaptionTaskOrchestrator>(), TaskNames.Of<MergeTaskOrchestrator>(), TaskNames.Of<BackgroundMusicTaskOrchestrator>()];

    /// <summary>The owner of a processing task's orchestration, from its input (every task input starts with its run).</summary>
    public static string? OwnerOf(OrchestrationMetadata instance) => instance.ReadInputAs<TaskInputHeader>()?.Run?.OwnerId;

    /// <summary>A run with the retry settings captured now (orchestrators never read configuration).</summary>
    public TaskRun NewRun(string taskId, string ownerId) => new(taskId, ownerId) { Settings = OrchestrationSettings.From(options.Value) };

    /// <param name="requestHash">The request's digest, kept for Idempotency-Key replays.</param>
    public async Task<TaskRecord> SubmitAsync(
        TaskRecordType type, string orchestrator, TaskRun run, object input, JsonElement? request, string? requestHash, CancellationToken cancellationToken)
    {
        // The record first: an accepted task is listed even if queueing fails (a retried submit queues it).
        try
        {
            await tasks.CreateAsync(
                new TaskRecord
                {
                    Id = run.TaskId,
                    OwnerId = run.OwnerId,
                    Type = type,
                    Input = request,
                    RequestHash = requestHash,
                    CurrentStage = Domain.PipelineStage.Pending,
                    MaxRetries = run.MaxAttempts,
                },
                cancellationToken);
        }
        catch (TaskAlreadyExistsException)
        {
            // The same task again: make sure it is queued.
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                orchestrator, input, new StartOrchestrationOptions(run.TaskId) { DedupeStatuses = Jobs.VideoJobs.AnyStartedState }, cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // Queued before: this is a repeat.
        }

        return await tasks.GetAsync(run.OwnerId, run.TaskId, cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException($"Task {run.TaskId} vanished after it was submitted");
    }

    /// <summary>
    /// Ends a task that stopped making progress: its record failed with <paramref name="error"/> first (so it never
    /// reads as running or cancelled), then its orchestration terminated. False when it had finished.
    /// </summary>
    public async Task<bool> FailStalledAsync(string ownerId, string taskId, PipelineError error, CancellationToken cancellationToken)
    {
        var record = await tasks.GetAsync(ownerId, taskId, cancellationToken: cancellationToken);
        if (record is null || record.Status is TaskRecordStatus.Succeeded or TaskRecordStatus.Failed or TaskRecordStatus.Cancelled)
        {
            return false;
        }

        // A blob the trigger started is given up on as when its attempts run out (how many ran is not known
        // here); first, so a task that reads as failed already has its poison message.
        var instance = await client.GetInstanceAsync(taskId, getInputsAndOutputs: true, cancellationToken);
        if (instance?.ReadInputAs<TaskInputHeader>()?.Run?.Poison is { } poison)
        {
            await poisoner.PoisonAsync(new PoisonBlobInput(poison, null, $"{error.Code}: {error.Message}"), cancellationToken);
        }

        await recorder.RecordFromOutsideAsync(
            new JobEvent(taskId, ownerId, 0, JobEventTypes.Failed, time.GetUtcNow().UtcDateTime) { Stage = error.FailedStage, Progress = record.Progress, Error = error },
            instance,
            cancellationToken);
        await client.TerminateInstanceAsync(taskId, $"{error.Code}: {error.Message}", cancellationToken);
        return true;
    }

    private sealed record TaskInputHeader(TaskRun? Run);
}
