using System.Text;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Media;
using VideoPipeline.Media.Captions;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Text;
using VideoPipeline.Storage;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Tasks.Activities;

/// <summary>
/// Cues from the words the recognizer heard (N words per line, breaking at sentence ends), written as SRT and
/// WebVTT, and burned into the video through an ASS file in the task's style. Outputs have fixed names.
/// </summary>
[DurableTask("BurnCaptions")]
[ActivityPool(ActivityPools.Media)]
public sealed class BurnCaptionsActivity(IAssetStore store, IFFmpegRunner ffmpeg, IOptions<PipelineOptions> options, IOptions<FFmpegOptions> encode, TextFonts fonts, ActivityExecution execution)
    : TaskActivity<BurnCaptionsInput, BurnCaptionsResult>
{
    public override async Task<BurnCaptionsResult> RunAsync(TaskActivityContext context, BurnCaptionsInput input)
    {
        var ct = execution.CancellationToken;
        var transcript = await store.ReadJsonAsync<Transcript>(input.Transcript, ct) ?? throw new AssetNotFoundException(input.Transcript);
        var facts = input.Video.Facts;
        var words = transcript.Words
            .Where(w => !string.IsNullOrWhiteSpace(w.Word))
            .Select(w => new TimedWord(w.Word.Trim(), w.Start, w.End, Matched: true))
            .ToList();
        var cues = words.Count == 0 ? [] : CueBuilder.Build(words, input.Style.WordsPerLine, facts.DurationSeconds);
        CaptionTrack.Validate(cues, facts.DurationSeconds);

        using var workspace = MediaWorkspace.Create(options.Value.WorkDirectory, context.Name.Name);
        var ass = workspace.PathFor("captions.ass");
        var script = AssWriter.Write(cues, input.Style, facts.Width, facts.Height, fonts);
        await File.WriteAllTextAsync(ass, script, ct);
        var sprites = await EmojiSprite.WriteAsync(fonts, AssScript.ReadEmoji(script), workspace.Directory, ct);
        var video = await workspace.MaterializeAsync(store, input.Video.Asset, ct);
        var output = workspace.PathFor("captioned.mp4");
        await ffmpeg.RunAsync(
            TaskMediaArguments.BurnCaptions(video, ass, sprites, output, encode.Value),
            new FFmpegRunOptions { ExpectedDurationSeconds = facts.DurationSeconds },
            ct);

        await UploadTextAsync(input.Outputs.Srt, SrtWriter.Write(cues), ContentTypes.Srt);
        await UploadTextAsync(input.Outputs.Vtt, VttWriter.Write(cues), ContentTypes.Vtt);
        await store.UploadFileAsync(input.Outputs.Video, output, ContentTypes.Mp4, new Dictionary<string, string> { [AssetMetadata.TaskId] = input.TaskId }, ct);
        return new BurnCaptionsResult(cues.Count, facts.DurationSeconds);

        async Task UploadTextAsync(AssetRef asset, string text, string contentType)
        {
            using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
            await store.UploadAsync(asset, content, contentType, cancellationToken: ct);
        }
    }
}
