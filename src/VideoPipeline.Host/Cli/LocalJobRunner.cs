using System.Diagnostics;
using Microsoft.DurableTask.Client;
using VideoPipeline.Jobs;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Tasks;
using VideoPipeline.Workflow;

namespace VideoPipeline.Host.Cli;

/// <summary>
/// Runs one generate job on the Durable backend with a worker in this process: uploads the user's files into the
/// asset store (content-addressed, so the same file is stored once), submits the job as the local owner, follows
/// its status until it finishes, and cancels it on Ctrl+C. The job lives in the task hub: if this process dies,
/// the next worker (<c>worker</c>, <c>serve</c> or another generate) finishes it.
/// </summary>
public sealed class LocalJobRunner(VideoJobs jobs, DurableTaskClient client, ITaskStore tasks, IAssetStore store)
{
    public const string LocalOwner = "local";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public async Task<LocalJobOutcome> RunAsync(string jobId, GenerateInput input, Action<LiveStatus>? onStatus, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var music = input.MusicFile is null ? null : await this.UploadAsync(input.MusicFile, cancellationToken);
        var script = input.ScriptAudioFile is null ? null : await this.UploadAsync(input.ScriptAudioFile, cancellationToken);
        await jobs.SubmitAsync(new JobSubmission(LocalOwner, input.Request) { JobId = jobId, Music = music, ScriptAudio = script }, cancellationToken);
        try
        {
            var finished = await this.FollowAsync(jobId, onStatus, cancellationToken);
            return new LocalJobOutcome(finished, stopwatch.Elapsed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C cancels the job itself, not just this wait.
            await jobs.CancelAsync(LocalOwner, jobId, CancellationToken.None);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var cancelled = await client.WaitForInstanceCompletionAsync(jobId, getInputsAndOutputs: true, grace.Token);
            return new LocalJobOutcome(cancelled, stopwatch.Elapsed);
        }
    }

    // The orchestration says which stage (and its message); the record also has progress from inside long steps.
    private async Task<OrchestrationMetadata> FollowAsync(string jobId, Action<LiveStatus>? onStatus, CancellationToken cancellationToken)
    {
        LiveStatus? last = null;
        while (true)
        {
            var instance = await client.GetInstanceAsync(jobId, getInputsAndOutputs: false, cancellationToken)
                ?? throw new InvalidOperationException($"Job {jobId} has no orchestration");
            if (instance.IsCompleted)
            {
                return (await client.GetInstanceAsync(jobId, getInputsAndOutputs: true, cancellationToken))!;
            }

            var status = instance.ReadCustomStatusAs<PipelineStatus>();
            var record = await tasks.GetAsync(LocalOwner, jobId, cancellationToken: cancellationToken);
            var live = status is null
                ? new LiveStatus(Domain.PipelineStage.Pending, 0, "queued")
                : new LiveStatus(status.Stage, Math.Max(status.Progress, record?.CurrentStage == status.Stage ? record.Progress : 0), status.Message);
            if (live != last)
            {
                last = live;
                onStatus?.Invoke(live);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<AssetRef> UploadAsync(string path, CancellationToken cancellationToken)
    {
        await using var content = File.OpenRead(path);
        var asset = new AssetRef(AssetContainers.Uploads, await AssetNames.ContentAddressedAsync(content, Path.GetExtension(path).ToLowerInvariant(), cancellationToken));
        if (await store.GetPropertiesAsync(asset, cancellationToken) is null)
        {
            await store.UploadFileAsync(asset, path, ContentTypes.FromExtension(path), cancellationToken: cancellationToken);
        }

        return asset;
    }
}

/// <summary>What the progress display shows: the stage, 0–100 and the stage's message.</summary>
public sealed record LiveStatus(string Stage, int Progress, string? Message);

public sealed record LocalJobOutcome(OrchestrationMetadata Result, TimeSpan Elapsed)
{
    public bool Succeeded => this.Result.RuntimeStatus == OrchestrationRuntimeStatus.Completed;

    public bool Cancelled => this.Result.RuntimeStatus == OrchestrationRuntimeStatus.Terminated;

    /// <summary>One line: the failed stage and why.</summary>
    public string FailureReason =>
        this.Result.ReadCustomStatusAs<PipelineStatus>()?.Error is { } error
            ? $"{error.FailedStage}: {error.Message} ({error.Code})"
            : FirstLine(this.Result.FailureDetails?.ErrorMessage ?? this.Result.RuntimeStatus.ToString());

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');
}
