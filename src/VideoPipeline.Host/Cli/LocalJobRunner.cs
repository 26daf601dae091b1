using System.Diagnostics;
using VideoPipeline.Durable;
using VideoPipeline.Durable.Engine;
using VideoPipeline.Durable.InProcess;
using VideoPipeline.Jobs;
using VideoPipeline.Storage;
using VideoPipeline.Workflow;

namespace VideoPipeline.Host.Cli;

/// <summary>
/// Runs one generate job on the durable engine in this process: uploads the user's files into the
/// asset store (content-addressed, so the same file is stored once), submits the job as the local
/// owner, follows its status until it finishes, and cancels it on Ctrl+C. The job lives in the task
/// hub: if this process dies, the next worker (<c>worker</c>, <c>serve</c> or another generate) finishes it.
/// </summary>
public sealed class LocalJobRunner(VideoJobs jobs, DurableClient client, DurableEngine engine, IAssetStore store)
{
    public const string LocalOwner = "local";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public async Task<LocalJobOutcome> RunAsync(string jobId, GenerateInput input, OrchestrationCallbacks? callbacks, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var music = input.MusicFile is null ? null : await this.UploadAsync(input.MusicFile, cancellationToken);
        var script = input.ScriptAudioFile is null ? null : await this.UploadAsync(input.ScriptAudioFile, cancellationToken);
        await jobs.SubmitAsync(new JobSubmission(LocalOwner, input.Request) { JobId = jobId, Music = music, ScriptAudio = script }, cancellationToken);

        void OnProgress(string instance, string activity, int taskId, double percent)
        {
            if (instance == jobId)
            {
                callbacks?.OnActivityProgress?.Invoke(activity, taskId, percent);
            }
        }

        engine.ActivityProgress += OnProgress;
        try
        {
            var finished = await this.FollowAsync(jobId, callbacks, cancellationToken);
            return new LocalJobOutcome(finished, stopwatch.Elapsed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C cancels the job itself, not just this wait.
            await jobs.CancelAsync(LocalOwner, jobId, CancellationToken.None);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var cancelled = await client.WaitForInstanceCompletionAsync(jobId, grace.Token);
            return new LocalJobOutcome(cancelled, stopwatch.Elapsed);
        }
        finally
        {
            engine.ActivityProgress -= OnProgress;
        }
    }

    private async Task<OrchestrationMetadata> FollowAsync(string jobId, OrchestrationCallbacks? callbacks, CancellationToken cancellationToken)
    {
        string? lastStatus = null;
        while (true)
        {
            var instance = await client.GetInstanceAsync(jobId, getInputsAndOutputs: false, cancellationToken: cancellationToken)
                ?? throw new OrchestrationNotFoundException(jobId);
            if (instance.SerializedCustomStatus is { } status && status != lastStatus)
            {
                lastStatus = status;
                callbacks?.OnCustomStatus?.Invoke(status);
            }

            if (instance.IsCompleted)
            {
                // With inputs, outputs and history: the manifest's stage timings come from the history.
                return (await client.GetInstanceAsync(jobId, getHistory: true, cancellationToken: cancellationToken))!;
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
