using VideoPipeline.Domain;
using VideoPipeline.Media.Captions;
using VideoPipeline.Media.Text;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Activities;

/// <summary>
/// Captions timed against the real voiceover: each scene's narration (cleaned of unspeakable
/// tokens) is aligned to the words STT heard in that scene's audio, then grouped into cues and
/// written as SRT, WebVTT and the ASS file assembly burns in.
/// </summary>
[DurableTask("BuildCaptions")]
public sealed class BuildCaptionsActivity(IAssetStore store, TextFonts fonts, ActivityExecution execution) : TaskActivity<BuildCaptionsInput, CaptionsResult>
{
    public override async Task<CaptionsResult> RunAsync(TaskActivityContext context, BuildCaptionsInput input)
    {
        var cues = new List<CaptionCue>();
        var matched = 0.0;
        var words = 0;
        foreach (var track in input.Tracks.OrderBy(t => t.Start))
        {
            var transcript = await store.ReadJsonAsync<Transcript>(track.Transcript, execution.CancellationToken)
                ?? throw new AssetNotFoundException(track.Transcript);
            var display = SpeakableText.Clean(track.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (display.Length == 0)
            {
                continue;
            }

            var heard = transcript.Words.Select(w => w with { Start = w.Start + track.Start, End = w.End + track.Start }).ToList();
            var alignment = WordAligner.Align(display, heard, track.Start, track.Start + track.AudioDuration);
            cues.AddRange(CueBuilder.Build(alignment.Words, input.Style.WordsPerLine, input.VideoDuration));
            matched += alignment.MatchedRatio * display.Length;
            words += display.Length;
        }

        CaptionTrack.Validate(cues, input.VideoDuration);
        var srt = new AssetRef(AssetContainers.Captions, $"{input.JobId}/captions.srt");
        var vtt = new AssetRef(AssetContainers.Captions, $"{input.JobId}/captions.vtt");
        var ass = new AssetRef(AssetContainers.Captions, $"{input.JobId}/captions.ass");
        await Upload(srt, SrtWriter.Write(cues), ContentTypes.Srt);
        await Upload(vtt, VttWriter.Write(cues), ContentTypes.Vtt);
        await Upload(ass, AssWriter.Write(cues, input.Style, input.Resolution.Width, input.Resolution.Height, fonts), ContentTypes.Ass);
        return new CaptionsResult(srt, vtt, ass, cues.Count, words == 0 ? 0 : Math.Round(matched / words, 3));

        async Task Upload(AssetRef asset, string text, string contentType)
        {
            using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
            await store.UploadAsync(asset, content, contentType, cancellationToken: execution.CancellationToken);
        }
    }
}
