using VideoPipeline.Media.FFmpeg;

namespace VideoPipeline.Providers.Offline.Music;

/// <summary>
/// Generates one loop of a chord progression as a stereo WAV; assembly loops it to the video's
/// length. Deterministic: the same mood gives the same audio.
/// </summary>
public sealed class ChordProgressionMusicProvider(IFFmpegRunner ffmpeg) : IMusicProvider
{
    public string Name => "chord-progression/1";

    public async Task<MusicBed> ComposeAsync(MusicRequest request, string outputPath, CancellationToken cancellationToken)
    {
        var progression = ChordProgression.ForMood(request.Mood);
        var expression = progression.ToExpression();
        // Mono at 24 kHz is plenty for a bed whose content sits far below 12 kHz; the mix upsamples it.
        var source = new Filter("aevalsrc")
            .With("exprs", expression)
            .With("sample_rate", 24000)
            .With("duration", progression.LoopSeconds);

        var args = FFmpegArguments.Create();
        args.AddInput(FFmpegInput.Lavfi(source));
        var graph = new FilterGraph();
        graph.Chain("0:a")
            .Then("lowpass", f => f.With("f", 2400))
            .Then("aformat", f => f.With("sample_fmts", "s16").With("channel_layouts", "stereo"))
            .To("a");
        args.WithFilterGraph(graph).AddOutput(outputPath, o => o.Map("a").AudioCodec("pcm_s16le"));
        await ffmpeg.RunAsync(args, cancellationToken: cancellationToken);
        return new MusicBed(progression.LoopSeconds, progression.Name);
    }
}
