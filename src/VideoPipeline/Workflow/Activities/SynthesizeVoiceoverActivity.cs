using Microsoft.Extensions.Options;
using VideoPipeline.Media;
using VideoPipeline.Providers;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Activities;

/// <summary>
/// Voices one scene's narration; content-addressed by text, voice settings, fit and engine. The
/// result is kept in a JSON sidecar written after the audio, so a sidecar implies complete audio.
/// </summary>
[DurableTask("SynthesizeVoiceover")]
[ActivityPool(ActivityPools.Media)]
public sealed class SynthesizeVoiceoverActivity(IAssetStore store, ISpeechSynthesizer tts, IOptions<PipelineOptions> options, ActivityExecution execution)
    : TaskActivity<SynthesizeVoiceoverInput, VoiceoverResult>
{
    public override async Task<VoiceoverResult> RunAsync(TaskActivityContext context, SynthesizeVoiceoverInput input)
    {
        var key = ContentHash.Of(input.Text, input.Voice, Math.Round(input.MaxDurationSeconds, 3), tts.Name);
        var asset = new AssetRef(AssetContainers.Audio, $"voiceovers/{key}.wav");
        var sidecar = new AssetRef(AssetContainers.Audio, $"voiceovers/{key}.json");
        if (await store.ReadJsonAsync<VoiceoverResult>(sidecar, execution.CancellationToken) is { } cached)
        {
            return cached with { SceneNumber = input.SceneNumber, CacheHit = true };
        }

        using var usage = UsageLedger.Begin();
        using var workspace = MediaWorkspace.Create(options.Value.WorkDirectory, context.Name.Name);
        var output = workspace.PathFor("voice.wav");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var speech = await tts.SynthesizeAsync(
            new SpeechRequest { Text = input.Text, Voice = input.Voice, MaxDurationSeconds = input.MaxDurationSeconds },
            output,
            execution.CancellationToken);

        var result = new VoiceoverResult(input.SceneNumber, asset, speech.DurationSeconds, speech.Voice, speech.Applied, speech.Ignored, CacheHit: false);
        await store.UploadFileAsync(asset, output, ContentTypes.Wav, cancellationToken: execution.CancellationToken);
        await store.WriteJsonAsync(sidecar, result, execution.CancellationToken);
        return result with
        {
            Usage = usage.Entries.Count > 0 ? usage.Entries : [ProviderUsages.Local(tts.Name, "speech.synthesize", "characters", input.Text.Length, clock.Elapsed)],
        };
    }
}
