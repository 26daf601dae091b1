using VideoPipeline.Domain;
using Microsoft.DurableTask;
using VideoPipeline.Durable;
using VideoPipeline.Workflow.Tasks.Activities;

namespace VideoPipeline.Workflow.Tasks;

/// <summary>
/// What every processing-task orchestration shares: job events into its task record (started, progress,
/// succeeded or failed with a reason and a stage), whole-task attempts (the blob trigger's five), and the
/// poison record when they run out. Deterministic: time only from the context.
/// </summary>
internal static class TaskRunner
{
    public static async Task<ProcessingTaskResult> RunAsync(
        TaskOrchestrationContext context, TaskRun run, Func<PipelineProgress, TaskOptions, Task<ProcessingTaskResult>> body)
    {
        var events = new JobEvents(context, run.TaskId, run.OwnerId, null);
        var status = new PipelineProgress(context, events);
        var retry = PipelineRetry.From(run.Settings);
        PipelineError error = new(ErrorCodes.StageFailed, "no attempt ran", false, status.Stage);
        var attempt = 0;
        while (attempt < Math.Max(1, run.MaxAttempts))
        {
            attempt++;
            try
            {
                var result = await body(status, retry);
                status.Complete("done");
                await events.SucceededAsync(result.Outputs);
                return result;
            }
            catch (PipelineFailedException e)
            {
                error = e.Error;
            }
            catch (TaskFailedException e)
            {
                error = PipelineError.From(e, status.Stage);
            }
            catch (Exception e) when (!OrchestrationFailures.IsRuntimeSignal(e))
            {
                // A failure no stage mapped (a bug): the task still says why, and where.
                error = new PipelineError(ErrorCodes.StageFailed, e.Message.Split('\n', 2)[0], false, status.Stage);
            }

            if (error.Code == TaskErrorCodes.BlobSuperseded || attempt >= run.MaxAttempts)
            {
                break;
            }

            await context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(run.AttemptIntervalSeconds), CancellationToken.None);
        }

        if (run.Poison is { } poison && error.Code != TaskErrorCodes.BlobSuperseded)
        {
            await context.CallPoisonBlobAsync(new PoisonBlobInput(poison, attempt, error.Message), retry);
            error = error with { Code = TaskErrorCodes.BlobPoisoned, Message = $"gave up after {attempt} attempts: {error.Message}", Retryable = false };
        }

        var failure = status.Fail(error);
        await events.FailedAsync(error, status.Progress);
        throw failure;
    }

    /// <summary>An input fetched or checked by <see cref="ImportMediaActivity"/>.</summary>
    public static Task<ImportedMedia> ImportAsync(TaskOrchestrationContext context, TaskOptions retry, TaskRun run, string slot, string field, MediaSource source, MediaKind kind) =>
        context.CallImportTaskMediaAsync(new ImportMediaInput(run.TaskId, slot, field, source, kind), retry);
}
