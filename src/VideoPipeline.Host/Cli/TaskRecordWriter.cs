using System.Text.Json;
using System.Threading.Channels;
using VideoPipeline.Serialization;
using VideoPipeline.Storage.Tasks;
using VideoPipeline.Workflow;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Host.Cli;

/// <summary>
/// Keeps a job's task record in the task store current: created pending, running with stage and
/// progress as the orchestration reports them, then succeeded or failed with outputs or the error.
/// Progress updates are queued and written one at a time in order (the store keeps the highest).
/// </summary>
public sealed class TaskRecordWriter : IAsyncDisposable
{
    public const string LocalOwner = "local";

    private readonly ITaskStore store;
    private readonly string id;
    private readonly Channel<PipelineStatus> updates = Channel.CreateUnbounded<PipelineStatus>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task pump;

    private TaskRecordWriter(ITaskStore store, string id)
    {
        this.store = store;
        this.id = id;
        this.pump = this.PumpAsync();
    }

    public static async Task<TaskRecordWriter> StartAsync(ITaskStore store, string jobId, GenerateVideoInput input, CancellationToken cancellationToken)
    {
        await store.CreateAsync(
            new TaskRecord
            {
                Id = jobId,
                OwnerId = LocalOwner,
                Type = TaskRecordType.Generate,
                Status = TaskRecordStatus.Running,
                StartedAt = DateTimeOffset.UtcNow,
                CurrentStage = Domain.PipelineStage.Pending,
                Input = JsonSerializer.SerializeToElement(input.Request, PipelineJson.Options),
                MaxRetries = input.Settings.RetryMaxAttempts,
            },
            cancellationToken);
        return new TaskRecordWriter(store, jobId);
    }

    /// <summary>Queues a progress update; never blocks the orchestration.</summary>
    public void Report(PipelineStatus status) => this.updates.Writer.TryWrite(status);

    public async Task CompleteAsync(GenerateVideoResult result, CancellationToken cancellationToken)
    {
        await this.DrainAsync();
        var outputs = new Dictionary<string, string>
        {
            ["final_video"] = result.Final.Video.ToString(),
            ["thumbnail"] = result.Final.Thumbnail.ToString(),
            ["audio_track"] = result.Final.AudioTrack.ToString(),
        };
        if (result.Captions is { } captions)
        {
            outputs["captions_srt"] = captions.Srt.ToString();
            outputs["captions_vtt"] = captions.Vtt.ToString();
        }

        await this.store.UpdateAsync(LocalOwner, this.id, task => task with
        {
            Status = TaskRecordStatus.Succeeded,
            Progress = 100,
            CurrentStage = Domain.PipelineStage.Completed,
            Output = outputs,
            CompletedAt = DateTimeOffset.UtcNow,
        }, cancellationToken);
    }

    public async Task FailAsync(PipelineError? error, bool cancelled, string reason, CancellationToken cancellationToken)
    {
        await this.DrainAsync();
        await this.store.UpdateAsync(LocalOwner, this.id, task => task with
        {
            Status = cancelled ? TaskRecordStatus.Cancelled : TaskRecordStatus.Failed,
            Error = cancelled ? null : new TaskError(error?.Code ?? "FAILED", error?.Message ?? reason, error?.Retryable ?? false, error?.FailedStage ?? task.CurrentStage),
            CompletedAt = DateTimeOffset.UtcNow,
        }, cancellationToken);
    }

    public async ValueTask DisposeAsync() => await this.DrainAsync();

    private async Task DrainAsync()
    {
        this.updates.Writer.TryComplete();
        await this.pump;
    }

    private async Task PumpAsync()
    {
        await foreach (var status in this.updates.Reader.ReadAllAsync())
        {
            // Skip to the newest queued status: only the latest progress matters.
            var latest = status;
            while (this.updates.Reader.TryRead(out var newer))
            {
                latest = newer;
            }

            try
            {
                await this.store.ReportProgressAsync(LocalOwner, this.id, latest.Progress, latest.Stage);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Progress is advisory; the final status write (which does throw) is what must land.
            }
        }
    }
}
