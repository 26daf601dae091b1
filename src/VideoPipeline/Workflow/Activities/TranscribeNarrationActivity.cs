using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Media;
using VideoPipeline.Providers;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Activities;

/// <summary>
/// Speech to text with word times. The transcript is stored as JSON named after the engine and the
/// (content-addressed) audio, so the same audio is transcribed once per engine and a re-run reuses it.
/// </summary>
[DurableTask("TranscribeNarration")]
[ActivityPool(ActivityPools.Media)]
public sealed class TranscribeNarrationActivity(IAssetStore store, ISpeechToText stt, IOptions<PipelineOptions> options, ActivityExecution execution)
    : TaskActivity<TranscribeNarrationInput, TranscriptionResult>
{
    public override async Task<TranscriptionResult> RunAsync(TaskActivityContext context, TranscribeNarrationInput input)
    {
        var ct = execution.CancellationToken;
        var asset = new AssetRef(
            AssetContainers.Captions,
            $"transcripts/{ContentHash.Of(stt.Name, input.Language, input.ModelSize)}/{input.Audio.Container}/{input.Audio.Name}.json");
        var transcript = await store.ReadJsonAsync<Transcript>(asset, ct);
        IReadOnlyList<ProviderUsage> used = [];
        if (transcript is null)
        {
            using var usage = UsageLedger.Begin();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var workspace = MediaWorkspace.Create(options.Value.WorkDirectory, context.Name.Name);
            var audio = await workspace.MaterializeAsync(store, input.Audio, ct);
            transcript = await stt.TranscribeAsync(audio, new TranscriptionOptions { Language = input.Language, ModelSize = input.ModelSize }, ct);
            await store.WriteJsonAsync(asset, transcript, ct);
            used = usage.Entries.Count > 0
                ? usage.Entries
                : [ProviderUsages.Local(stt.Name, "speech.transcribe", "audio_seconds", transcript.Segments.Count > 0 ? transcript.Segments[^1].End : 0, clock.Elapsed)];
        }

        return new TranscriptionResult(asset, transcript.Text, transcript.Words.Count, stt.Name) { Usage = used };
    }
}
