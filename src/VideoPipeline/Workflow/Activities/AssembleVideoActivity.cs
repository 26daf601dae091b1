using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Media;
using VideoPipeline.Media.Assembly;
using VideoPipeline.Media.Audio;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Probing;
using VideoPipeline.Providers.Offline.Rendering;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;
using VideoPipeline.Workflow.Orchestration;

namespace VideoPipeline.Workflow.Activities;

/// <summary>
/// The final encode: one FFmpeg run encodes the video stream once (normalize, concat, overlays,
/// burned captions) with the loudness-normalized mix, after an audio-only measuring pass.
/// Outputs are named by job id, so a re-run replaces them.
/// </summary>
public sealed class AssembleVideoActivity(
    IAssetStore store,
    IFFmpegRunner ffmpeg,
    IMediaProbe probe,
    IOptions<FFmpegOptions> encoding,
    IOptions<AudioMixOptions> mix,
    IOptions<AnimaticOptions> fonts,
    IOptions<PipelineOptions> options) : TaskActivity<AssembleVideoInput, AssemblyResult>
{
    public override async Task<AssemblyResult> RunAsync(ActivityContext context, AssembleVideoInput input)
    {
        var ct = context.CancellationToken;
        using var workspace = MediaWorkspace.Create(options.Value.WorkDirectory, context.Name);

        var clips = new List<AssemblyClip>();
        foreach (var scene in input.Edits.Scenes)
        {
            clips.Add(new AssemblyClip(await workspace.MaterializeAsync(store, scene.Clip, ct), scene.Start, scene.FrameCount, scene.HasAudio));
        }

        var voices = new List<AssemblyVoice>();
        foreach (var voice in input.Voiceovers)
        {
            voices.Add(new AssemblyVoice(await workspace.MaterializeAsync(store, voice.Audio, ct), voice.Start));
        }

        var spec = new AssemblySpec
        {
            Resolution = input.Resolution,
            Fps = input.Fps,
            DurationSeconds = input.DurationSeconds,
            Fit = input.Fit,
            Clips = clips,
            Voices = voices,
            MusicPath = await workspace.MaterializeAsync(store, input.Music.Music, ct),
            Overlays = input.Edits.Overlays.Select(o => new AssemblyOverlay(o.Text, o.Start, o.End, o.Position)).ToList(),
            CaptionsPath = input.Captions is { } captions ? await workspace.MaterializeAsync(store, captions, ct) : null,
            FontFile = fonts.Value.BoldFontFile,
        };

        // Pass 1 decodes audio only (a few percent of the job) so pass 2 can normalize linearly.
        var measure = await ffmpeg.RunAsync(AssemblyArguments.BuildMeasurePass(spec, mix.Value), cancellationToken: ct);
        var measured = LoudnormMeasurement.Parse(measure.StderrTail);
        context.Progress.Report(5);

        var video = workspace.PathFor("final.mp4");
        var audio = workspace.PathFor("audio.m4a");
        var progress = new Progress5To95(context.Progress);
        var final = await ffmpeg.RunAsync(
            AssemblyArguments.BuildFinalPass(spec, mix.Value, measured, encoding.Value, video, audio),
            new FFmpegRunOptions { ExpectedDurationSeconds = input.DurationSeconds, Progress = progress },
            ct);
        var loudness = Math.Max(LoudnormMeasurement.Parse(final.StderrTail).OutputIntegrated, LoudnormMeasurement.SilenceFloor);

        var thumbnail = workspace.PathFor("thumbnail.jpg");
        var thumbArgs = FFmpegArguments.Create();
        thumbArgs.AddInput(FFmpegInput.File(video).Seek(Math.Min(input.DurationSeconds / 4, input.DurationSeconds - 0.1)));
        thumbArgs.AddOutput(thumbnail, o => o.Frames(1).With("-q:v", "3"));
        await ffmpeg.RunAsync(thumbArgs, cancellationToken: ct);

        var info = await probe.ProbeAsync(video, ct);
        var result = new AssemblyResult(
            new AssetRef(AssetContainers.Final, $"{input.JobId}/video.mp4"),
            new AssetRef(AssetContainers.Final, $"{input.JobId}/thumbnail.jpg"),
            new AssetRef(AssetContainers.Final, $"{input.JobId}/audio.m4a"),
            info.DurationSeconds ?? input.DurationSeconds,
            Math.Round(loudness, 2),
            info.Video?.CodecName ?? "",
            info.Audio?.CodecName ?? "",
            info.Video?.Width ?? 0,
            info.Video?.Height ?? 0);

        await store.UploadFileAsync(result.Video, video, ContentTypes.Mp4, cancellationToken: ct);
        await store.UploadFileAsync(result.AudioTrack, audio, "audio/mp4", cancellationToken: ct);
        await store.UploadFileAsync(result.Thumbnail, thumbnail, ContentTypes.Jpeg, cancellationToken: ct);
        context.Progress.Report(100);
        return result;
    }

    // The encode is the bulk of this activity: map its 0-100 onto 5-95.
    private sealed class Progress5To95(IProgress<double> inner) : IProgress<double>
    {
        public void Report(double value) => inner.Report(5 + (value * 0.9));
    }
}
