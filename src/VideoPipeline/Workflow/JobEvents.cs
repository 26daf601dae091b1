using Microsoft.DurableTask;
using VideoPipeline.Jobs;
using VideoPipeline.Workflow.Activities;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Workflow;

/// <summary>
/// Orchestrator-side job events: started, progress at each stage change and every
/// <see cref="OrchestrationSettings.ProgressEventStep"/> points (at most one per
/// <see cref="OrchestrationSettings.ProgressEventMinIntervalSeconds"/>), then succeeded or failed. Progress events are not awaited where they happen (the job does not wait for its webhook);
/// the terminal event waits for them, so the task record and the event log end in the right state.
/// Recording an event can never fail the job.
/// </summary>
internal sealed class JobEvents(TaskOrchestrationContext context, string jobId, string ownerId, JobNotification? notification, OrchestrationSettings? settings = null)
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(5, TimeSpan.FromSeconds(2), backoffCoefficient: 2.0, maxRetryInterval: TimeSpan.FromMinutes(1)));

    private readonly List<Task> pending = [];
    private readonly JobNotification notification = notification ?? new JobNotification();
    private readonly OrchestrationSettings settings = settings ?? new OrchestrationSettings();
    private long sequence;
    private string? lastStage;
    private int lastProgress;
    private DateTime lastSentAt;

    /// <summary>The sequence number of the last event emitted; 0 before the first.</summary>
    public long LastSequence => this.sequence;

    public void Progress(string stage, int progress)
    {
        var settings = this.settings;
        var now = context.CurrentUtcDateTime;
        if (this.sequence > 0
            && ((stage == this.lastStage && progress < this.lastProgress + Math.Max(1, settings.ProgressEventStep))
                || (now - this.lastSentAt).TotalSeconds < settings.ProgressEventMinIntervalSeconds))
        {
            return;
        }

        var type = this.sequence == 0 ? JobEventTypes.Started : JobEventTypes.Progress;
        (this.lastStage, this.lastProgress, this.lastSentAt) = (stage, progress, now);
        this.pending.Add(this.SendAsync(this.Event(type) with { Stage = stage, Progress = progress }));
    }

    public JobEvents(TaskOrchestrationContext context, GenerateVideoInput input)
        : this(context, input.JobId, input.OwnerId, input.Notification, input.Settings)
    {
    }

    public Task SucceededAsync(GenerateVideoResult result) => this.SucceededAsync(JobOutputs.From(result));

    /// <summary>The terminal success event with the produced assets by role (asset ids).</summary>
    public Task SucceededAsync(IReadOnlyDictionary<string, string> outputs) =>
        this.FinishAsync(this.Event(JobEventTypes.Succeeded) with { Stage = Domain.PipelineStage.Completed, Progress = 100, Outputs = outputs });

    public Task FailedAsync(PipelineError error, int progress) =>
        this.FinishAsync(this.Event(JobEventTypes.Failed) with { Stage = error.FailedStage, Progress = progress, Error = error });

    private async Task FinishAsync(JobEvent terminal)
    {
        await Task.WhenAll(this.pending);
        await this.SendAsync(terminal);
    }

    private JobEvent Event(string type) =>
        new(jobId, ownerId, ++this.sequence, type, context.CurrentUtcDateTime) { Notification = this.notification };

    private async Task SendAsync(JobEvent jobEvent)
    {
        try
        {
            await context.CallRecordJobEventAsync(jobEvent, Retry);
        }
        catch (TaskFailedException)
        {
            // The job's own outcome matters more than its notification; the status API still tells.
        }
    }
}
