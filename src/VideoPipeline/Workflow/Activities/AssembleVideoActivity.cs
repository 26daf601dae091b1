using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Jobs;
using VideoPipeline.Media;
using VideoPipeline.Media.Assembly;
using VideoPipeline.Media.Audio;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Probing;
using VideoPipeline.Media.Text;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Activities;

/// <summary>
/// The final encode: one FFmpeg run encodes the video stream once (normalize, concat, overlays,
/// burned captions) with the loudness-normalized mix, after an audio-only measuring pass.
/// Outputs are named by job id, so a re-run replaces them.
/// </summary>
[DurableTask("AssembleVideo")]
[ActivityPool(ActivityPools.Media)]
public sealed class AssembleVideoActivity(
    IAssetStore store,
    IFFmpegRunner ffmpeg,
    IMediaProbe probe,
    IOptions<FFmpegOptions> encoding,
    IOptions<AudioMixOptions> mix,
    TextFonts fonts,
    IOptions<PipelineOptions> options,
    JobProgressReporter reporter,
    ActivityExecution execution) : TaskActivity<AssembleVideoInput, AssemblyResult>
{
    public override async Task<AssemblyResult> RunAsync(TaskActivityContext context, AssembleVideoInput input)
    {
        var ct = execution.CancellationToken;
        var progress = reporter.For(input.Progress);
        using var workspace = MediaWorkspace.Create(options.Value.WorkDirectory, context.Name.Name);

        async Task<string?> Optional(AssetRef? asset) => asset is null ? null : await workspace.MaterializeAsync(store, asset, ct);

        // Inputs download concurrently; this is the job's critical path.
        var clipFiles = Task.WhenAll(input.Edits.Scenes.Select(s => workspace.MaterializeAsync(store, s.Clip, ct)));
        var voiceFiles = Task.WhenAll(input.Voiceovers.Select(v => workspace.MaterializeAsync(store, v.Audio, ct)));
        var musicFile = workspace.MaterializeAsync(store, input.Music.Music, ct);
        var captionsFile = Optional(input.Captions);
        await Task.WhenAll(clipFiles, voiceFiles, musicFile, captionsFile);

        var clips = input.Edits.Scenes.Zip(clipFiles.Result, (s, path) => new AssemblyClip(path, s.Start, s.FrameCount, s.HasAudio)).ToList();
        var voices = input.Voiceovers.Zip(voiceFiles.Result, (v, path) => new AssemblyVoice(path, v.Start)).ToList();
        var spec = new AssemblySpec
        {
            Resolution = input.Resolution,
            Fps = input.Fps,
            DurationSeconds = input.DurationSeconds,
            Fit = input.Fit,
            Clips = clips,
            Voices = voices,
            MusicPath = musicFile.Result,
            Overlays = input.Edits.Overlays.Select(o => new AssemblyOverlay(o.Text, o.Start, o.End, o.Position)).ToList(),
            CaptionsPath = captionsFile.Result,
        };
        var titled = input.Edits.Scenes.Where(s => s.TitleInCenter).Select(s => (s.Start, s.Start + (s.FrameCount / (double)input.Fps)));
        spec = await AssemblyText.PrepareAsync(spec, fonts, titled, workspace.Directory, ct);

        // Pass 1 decodes audio only (well under a second) so pass 2 can apply one exact gain.
        var measure = await ffmpeg.RunAsync(AssemblyArguments.BuildMeasurePass(spec, mix.Value), cancellationToken: ct);
        var measured = LoudnessMeasurement.Parse(measure.StderrTail);
        progress.Report(5);

        var video = workspace.PathFor("final.mp4");
        var thumbnail = workspace.PathFor("thumbnail.jpg");
        var audio = workspace.PathFor("audio.m4a");
        var final = await ffmpeg.RunAsync(
            AssemblyArguments.BuildFinalPass(spec, mix.Value, measured, encoding.Value, video, thumbnail),
            new FFmpegRunOptions { ExpectedDurationSeconds = input.DurationSeconds, Progress = new Progress5To95(progress) },
            ct);
        var loudness = LoudnessMeasurement.Parse(final.StderrTail);
        await ffmpeg.RunAsync(AssemblyArguments.BuildAudioTrackCopy(video, audio), cancellationToken: ct);

        var info = await probe.ProbeAsync(video, ct);
        var result = new AssemblyResult(
            new AssetRef(AssetContainers.Final, $"{input.JobId}/video.mp4"),
            new AssetRef(AssetContainers.Final, $"{input.JobId}/thumbnail.jpg"),
            new AssetRef(AssetContainers.Final, $"{input.JobId}/audio.m4a"),
            info.DurationSeconds ?? input.DurationSeconds,
            Math.Round(Math.Max(loudness.IntegratedLufs, LoudnessMeasurement.SilenceFloor), 2),
            info.Video?.CodecName ?? "",
            info.Audio?.CodecName ?? "",
            info.Video?.Width ?? 0,
            info.Video?.Height ?? 0);

        await store.UploadFileAsync(result.Video, video, ContentTypes.Mp4, cancellationToken: ct);
        await store.UploadFileAsync(result.AudioTrack, audio, "audio/mp4", cancellationToken: ct);
        await store.UploadFileAsync(result.Thumbnail, thumbnail, ContentTypes.Jpeg, cancellationToken: ct);
        progress.Report(100);
        await progress.FlushAsync();
        return result;
    }

    // The encode is the bulk of this activity: map its 0-100 onto 5-95.
    private sealed class Progress5To95(IProgress<double> inner) : IProgress<double>
    {
        public void Report(double value) => inner.Report(5 + (value * 0.9));
    }
}
