using Microsoft.Extensions.Options;
using VideoPipeline.Media;
using VideoPipeline.Providers;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;
using VideoPipeline.Workflow.Orchestration;

namespace VideoPipeline.Workflow.Activities;

/// <summary>
/// Speech to text with word times. The transcript is stored next to its audio as JSON
/// (<c>captions/transcripts/...</c>), named after the audio asset, so a re-run overwrites it.
/// </summary>
public sealed class TranscribeNarrationActivity(IAssetStore store, ISpeechToText stt, IOptions<PipelineOptions> options)
    : TaskActivity<TranscribeNarrationInput, TranscriptionResult>
{
    public override async Task<TranscriptionResult> RunAsync(ActivityContext context, TranscribeNarrationInput input)
    {
        using var workspace = MediaWorkspace.Create(options.Value.WorkDirectory, context.Name);
        var audio = await workspace.MaterializeAsync(store, input.Audio, context.CancellationToken);
        var transcript = await stt.TranscribeAsync(
            audio, new TranscriptionOptions { Language = input.Language, ModelSize = input.ModelSize }, context.CancellationToken);

        var asset = new AssetRef(AssetContainers.Captions, $"transcripts/{input.Audio.Container}/{input.Audio.Name}.json");
        await store.WriteJsonAsync(asset, transcript, context.CancellationToken);
        return new TranscriptionResult(asset, transcript.Text, transcript.Words.Count, stt.Name);
    }
}
