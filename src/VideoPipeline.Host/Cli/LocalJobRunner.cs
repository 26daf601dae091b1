using System.Diagnostics;
using Microsoft.Extensions.Options;
using VideoPipeline.Serialization;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Tasks;
using VideoPipeline.Workflow;
using VideoPipeline.Workflow.Contracts;
using VideoPipeline.Durable;
using VideoPipeline.Durable.InProcess;

namespace VideoPipeline.Host.Cli;

/// <summary>
/// Runs one generate job in this process: uploads the user's files into the asset store
/// (content-addressed, so the same file is stored once), keeps the job's task record current in the
/// task store, and runs the GenerateVideo orchestrator.
/// </summary>
public sealed class LocalJobRunner(
    InProcessOrchestrationRunner runner,
    IAssetStore store,
    ITaskStore tasks,
    IOptions<PipelineOptions> options)
{
    public async Task<LocalJobOutcome> RunAsync(string jobId, GenerateInput input, OrchestrationCallbacks? callbacks, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var music = input.MusicFile is null ? null : await this.UploadAsync(input.MusicFile, cancellationToken);
        var script = input.ScriptAudioFile is null ? null : await this.UploadAsync(input.ScriptAudioFile, cancellationToken);
        var orchestrationInput = new GenerateVideoInput(jobId, input.Request, music, script)
        {
            Settings = OrchestrationSettings.From(options.Value),
        };

        await using var record = await TaskRecordWriter.StartAsync(tasks, jobId, orchestrationInput, cancellationToken);
        var observed = new OrchestrationCallbacks
        {
            OnCustomStatus = json =>
            {
                record.Report(PipelineJson.Deserialize<PipelineStatus>(json));
                callbacks?.OnCustomStatus?.Invoke(json);
            },
            OnActivityProgress = callbacks?.OnActivityProgress,
        };

        var result = await runner.RunAsync(GenerateVideoOrchestrator.Name, jobId, orchestrationInput, observed, cancellationToken);
        var outcome = new LocalJobOutcome(result, stopwatch.Elapsed);

        // The final status must land even when the run itself was cancelled.
        if (outcome.Succeeded)
        {
            await record.CompleteAsync(result.ReadOutput<GenerateVideoResult>(), CancellationToken.None);
        }
        else
        {
            await record.FailAsync(
                result.ReadCustomStatus<PipelineStatus>()?.Error,
                result.RuntimeStatus == OrchestrationRuntimeStatus.Terminated,
                outcome.FailureReason,
                CancellationToken.None);
        }

        return outcome;
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

public sealed record LocalJobOutcome(OrchestrationResult Result, TimeSpan Elapsed)
{
    public bool Succeeded => this.Result.RuntimeStatus == OrchestrationRuntimeStatus.Completed;

    /// <summary>One line: the failed stage and why.</summary>
    public string FailureReason =>
        this.Result.ReadCustomStatus<PipelineStatus>()?.Error is { } error
            ? $"{error.FailedStage}: {error.Message} ({error.Code})"
            : FirstLine(this.Result.FailureDetails?.ErrorMessage ?? this.Result.RuntimeStatus.ToString());

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');
}
