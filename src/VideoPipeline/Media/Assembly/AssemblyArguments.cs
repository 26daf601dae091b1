using System.Globalization;
using VideoPipeline.Domain;
using VideoPipeline.Media.Audio;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Text;

namespace VideoPipeline.Media.Assembly;

/// <summary>
/// Builds the assembly commands. The video stream is encoded once: every clip is normalized
/// (size, fps, SAR, pixel format, exact frame count), concatenated, overlaid with text and burned
/// captions in one filter graph. Audio (voices ×2.0, scene audio ×0.2, music ×0.3 looped and faded)
/// is normalized to −16 LUFS in two passes (EBU R128): <see cref="BuildMeasurePass"/> decodes audio
/// only and measures it; <see cref="BuildFinalPass"/> applies the measured gain, limits peaks, and
/// measures the result on the way to the encoder.
/// </summary>
public static class AssemblyArguments
{
    public static FFmpegArguments BuildMeasurePass(AssemblySpec spec, AudioMixOptions mix)
    {
        var args = FFmpegArguments.Create().WithLogLevel("info");
        var graph = new FilterGraph();
        AddAudioGraph(args, graph, spec, mix, clipInputs: null, loudness: []);
        return args.WithFilterGraph(graph).AddNullOutput(o => o.Map("aout"));
    }

    public static FFmpegArguments BuildFinalPass(
        AssemblySpec spec,
        AudioMixOptions mix,
        LoudnessMeasurement measured,
        FFmpegOptions encoding,
        string videoPath,
        string thumbnailPath)
    {
        var args = FFmpegArguments.Create().WithLogLevel("info");
        var graph = new FilterGraph();
        var clipInputs = AddVideoGraph(args, graph, spec);
        AddAudioGraph(args, graph, spec, mix, clipInputs, loudness:
        [
            new Filter("volume").With("volume", $"{Num(LoudnessCorrection.GainDb(measured, mix.TargetLoudness))}dB"),
            new Filter("alimiter").With("limit", Math.Round(LoudnessCorrection.CeilingAmplitude(mix.TruePeak), 4)).With("level", 0),
        ]);

        // The thumbnail is one frame of the same edit, a quarter of the way in: no second decode.
        var thumbnailFrame = (int)Math.Round(spec.DurationSeconds / 4 * spec.Fps);
        graph.Chain("vedit").Then("split", f => f.With("outputs", 2)).To("vout", "vthumb");
        graph.Chain("vthumb").Then("select", f => f.With("expr", $"eq(n,{thumbnailFrame})")).To("thumb");

        return args.WithFilterGraph(graph)
            .AddOutput(videoPath, o => o
                .Map("vout")
                .Map("aout")
                .VideoCodec("libx264")
                .Preset(encoding.Preset)
                .Crf(encoding.Crf)
                .PixelFormat("yuv420p")
                .With("-profile:v", "high")
                .FrameRate(spec.Fps)
                .AudioCodec("aac")
                .AudioBitrate(encoding.AudioBitrate)
                .SampleRate(48000)
                .Duration(spec.DurationSeconds)
                .FastStart())
            .AddOutput(thumbnailPath, o => o.Map("thumb").Frames(1).With("-q:v", "3"));
    }

    /// <summary>The final mix on its own (seed 002's audio_track), copied out of the video without re-encoding.</summary>
    public static FFmpegArguments BuildAudioTrackCopy(string videoPath, string audioTrackPath)
    {
        var args = FFmpegArguments.Create();
        args.AddInput(FFmpegInput.File(videoPath));
        return args.AddOutput(audioTrackPath, o => o.MapStream("0:a:0").NoVideo().AudioCodec("copy").FastStart());
    }

    /// <returns>The input index of each clip, so the audio graph reads scene audio from the same inputs.</returns>
    private static List<int> AddVideoGraph(FFmpegArguments args, FilterGraph graph, AssemblySpec spec)
    {
        var (w, h) = (spec.Resolution.Width, spec.Resolution.Height);
        var pads = new List<string>();
        var inputs = new List<int>();
        foreach (var clip in spec.Clips)
        {
            var input = args.AddInput(FFmpegInput.File(clip.Path));
            inputs.Add(input);
            var pad = $"v{pads.Count}";
            var chain = graph.Chain($"{input}:v");
            if (spec.Fit == FitMode.Cover)
            {
                chain.Then("scale", f => f.With("w", w).With("h", h).With("force_original_aspect_ratio", "increase"))
                    .Then("crop", f => f.With("w", w).With("h", h));
            }
            else
            {
                chain.Then("scale", f => f.With("w", w).With("h", h).With("force_original_aspect_ratio", "decrease"))
                    .Then("pad", f => f.With("w", w).With("h", h).With("x", "(ow-iw)/2").With("y", "(oh-ih)/2").With("color", "black"));
            }

            chain.Then("setsar", f => f.With("r", 1))
                .Then("fps", f => f.With("fps", spec.Fps))
                .Then("format", f => f.With("pix_fmts", "yuv420p"))
                .Then("tpad", f => f.With("stop_mode", "clone").With("stop_duration", clip.FrameCount / (double)spec.Fps))
                .Then("trim", f => f.With("end_frame", clip.FrameCount))
                .Then("setpts", f => f.With("expr", "PTS-STARTPTS"))
                .To(pad);
            pads.Add(pad);
        }

        var edit = graph.Chain([.. pads]).Then("concat", f => f.With("n", pads.Count).With("v", 1).With("a", 0));
        TextBurnIn.Apply(args, graph, edit, [.. new[] { spec.CaptionsPath, spec.OverlaysPath }.OfType<string>()], spec.Sprites, "vedit");
        return inputs;
    }

    /// <param name="clipInputs">Inputs already opened for the clips; null when this pass decodes audio only.</param>
    /// <param name="loudness">The loudness correction; empty in the measuring pass.</param>
    private static void AddAudioGraph(FFmpegArguments args, FilterGraph graph, AssemblySpec spec, AudioMixOptions mix, List<int>? clipInputs, Filter[] loudness)
    {
        var total = spec.DurationSeconds;
        var pads = new List<string>();

        foreach (var voice in spec.Voices)
        {
            var input = args.AddInput(FFmpegInput.File(voice.Path));
            var pad = $"vo{pads.Count}";
            Normalize(graph.Chain($"{input}:a"))
                .Then("volume", f => f.With("volume", mix.VoiceVolume))
                .Then("adelay", f => f.With("delays", Milliseconds(voice.Start)).With("all", 1))
                .To(pad);
            pads.Add(pad);
        }

        for (var i = 0; i < spec.Clips.Count; i++)
        {
            var clip = spec.Clips[i];
            if (!clip.HasAudio)
            {
                continue;
            }

            var input = clipInputs?[i] ?? args.AddInput(FFmpegInput.File(clip.Path));
            var pad = $"sa{pads.Count}";
            Normalize(graph.Chain($"{input}:a"))
                .Then("atrim", f => f.With("duration", clip.FrameCount / (double)spec.Fps))
                .Then("asetpts", f => f.With("expr", "PTS-STARTPTS"))
                .Then("volume", f => f.With("volume", mix.SceneAudioVolume))
                .Then("adelay", f => f.With("delays", Milliseconds(clip.Start)).With("all", 1))
                .To(pad);
            pads.Add(pad);
        }

        if (spec.MusicPath is not null)
        {
            var input = args.AddInput(FFmpegInput.File(spec.MusicPath).Loop());
            var fade = Math.Min(mix.MusicFadeOutSeconds, total / 3);
            Normalize(graph.Chain($"{input}:a"))
                .Then("atrim", f => f.With("duration", total))
                .Then("volume", f => f.With("volume", mix.MusicVolume))
                .Then("afade", f => f.With("t", "out").With("st", total - fade).With("d", fade))
                .To("mus");
            pads.Add("mus");
        }

        if (pads.Count == 0)
        {
            args.AddInput(FFmpegInput.Lavfi(new Filter("anullsrc").With("r", 48000).With("cl", "stereo")));
            pads.Add($"{args.Inputs.Count - 1}:a");
        }

        var chain = graph.Chain([.. pads])
            .Then("amix", f => f.With("inputs", pads.Count).With("duration", "longest").With("dropout_transition", 0).With("normalize", 0))
            .Then("apad", f => f.With("whole_dur", total))
            .Then("atrim", f => f.With("duration", total));
        foreach (var filter in loudness)
        {
            chain.Then(filter);
        }

        // ebur128 passes audio through and prints loudness and true peak when done: the measurement.
        chain.Then("ebur128", f => f.With("peak", "true").With("framelog", "verbose"))
            .Then("aformat", f => f.With("sample_fmts", "fltp").With("sample_rates", 48000).With("channel_layouts", "stereo"))
            .To("aout");
    }

    private static FilterChain Normalize(FilterChain chain) =>
        chain.Then("aresample", f => f.With("osr", 48000))
            .Then("aformat", f => f.With("sample_fmts", "fltp").With("channel_layouts", "stereo"));

    private static string Milliseconds(double seconds) =>
        ((long)Math.Round(seconds * 1000)).ToString(CultureInfo.InvariantCulture);

    private static string Num(double value) => Filter.FormatNumber(value);
}
