using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Text;

namespace VideoPipeline.Workflow.Tasks;

/// <summary>
/// The FFmpeg runs of the processing tasks. Pure: files in, files out, every value through <see cref="Filter"/>
/// (so through the one escaping function); FFmpeg streams from and to disk, nothing is held in memory.
/// </summary>
public static class TaskMediaArguments
{
    private const int SampleRate = 48000;

    /// <summary>Burns an ASS file and its colour emoji into the video (one encode); the audio is re-encoded to AAC for MP4.</summary>
    public static FFmpegArguments BurnCaptions(string video, string assPath, IReadOnlyList<EmojiSprite> sprites, string output, FFmpegOptions encode)
    {
        var args = FFmpegArguments.Create();
        args.AddInput(FFmpegInput.File(video));
        var graph = new FilterGraph();
        TextBurnIn.Apply(args, graph, graph.Chain("0:v"), [Path.GetFullPath(assPath)], sprites, "v");
        return args.WithFilterGraph(graph).AddOutput(output, o => Video(o.Map("v").MapStream("0:a:0?"), encode));
    }

    /// <summary>
    /// Scenes fitted to the first scene's frame (cover crops, contain pads), each scene's own audio at
    /// <paramref name="videoVolume"/> under its voiceover at <paramref name="voiceVolume"/>, cut to the scene's
    /// video, then joined with the concat filter in the same graph: one video encode in all.
    /// </summary>
    public static FFmpegArguments Merge(IReadOnlyList<MergeSceneFiles> scenes, FitMode mode, double videoVolume, double voiceVolume, string output, FFmpegOptions encode)
    {
        ArgumentOutOfRangeException.ThrowIfZero(scenes.Count);
        var first = scenes[0].Video;
        var width = Even(first.Width, 1280);
        var height = Even(first.Height, 720);
        var fps = first.FrameRate is > 0 and <= 120 ? (int)Math.Round(first.FrameRate) : 30;

        var args = FFmpegArguments.Create();
        var graph = new FilterGraph();
        var pads = new List<string>();
        for (var i = 0; i < scenes.Count; i++)
        {
            var scene = scenes[i];
            var v = args.AddInput(FFmpegInput.File(scene.VideoPath));
            var a = args.AddInput(FFmpegInput.File(scene.VoicePath));
            var duration = scene.Video.DurationSeconds;

            var fit = graph.Chain($"{v}:v")
                .Then("scale", f => f.With("w", width).With("h", height).With("force_original_aspect_ratio", mode == FitMode.Cover ? "increase" : "decrease"));
            fit = mode == FitMode.Cover
                ? fit.Then("crop", f => f.With("w", width).With("h", height))
                : fit.Then("pad", f => f.With("w", width).With("h", height).With("x", "(ow-iw)/2").With("y", "(oh-ih)/2"));
            fit.Then("setsar", f => f.With("r", 1))
                .Then("fps", f => f.With("fps", fps))
                .Then("format", f => f.With("pix_fmts", "yuv420p"))
                .Then("trim", f => f.With("duration", duration))
                .Then("setpts", f => f.With("expr", "PTS-STARTPTS"))
                .To($"sv{i}");

            Normalized(graph.Chain($"{a}:a").Then("volume", f => f.With("volume", voiceVolume))).To($"vo{i}");
            var voice = $"vo{i}";
            if (scene.Video.HasAudio)
            {
                Normalized(graph.Chain($"{v}:a").Then("volume", f => f.With("volume", videoVolume))).To($"sa{i}");
                graph.Chain($"sa{i}", voice).Then("amix", f => f.With("inputs", 2).With("duration", "longest").With("normalize", 0)).To($"mx{i}");
                voice = $"mx{i}";
            }

            graph.Chain(voice)
                .Then("apad")
                .Then("atrim", f => f.With("end", duration))
                .Then("asetpts", f => f.With("expr", "PTS-STARTPTS"))
                .To($"a{i}");
            pads.Add($"sv{i}");
            pads.Add($"a{i}");
        }

        graph.Chain([.. pads]).Then("concat", f => f.With("n", scenes.Count).With("v", 1).With("a", 1)).To("v", "a");
        return args.WithFilterGraph(graph).AddOutput(output, o => Video(o.Map("v").Map("a"), encode));
    }

    /// <summary>
    /// The music looped (<c>-stream_loop -1</c>) and cut to the video, at <paramref name="musicVolume"/>, mixed under
    /// the video's own audio at <paramref name="videoVolume"/>. The video stream is copied when MP4 can hold it.
    /// </summary>
    public static FFmpegArguments MixMusic(string video, MediaFacts facts, string music, double musicVolume, double videoVolume, string output, FFmpegOptions encode)
    {
        var args = FFmpegArguments.Create();
        args.AddInput(FFmpegInput.File(video));
        args.AddInput(FFmpegInput.File(music).Loop());
        var graph = new FilterGraph();
        var bed = Normalized(graph.Chain("1:a").Then("volume", f => f.With("volume", musicVolume)))
            .Then("atrim", f => f.With("end", facts.DurationSeconds));
        if (facts.HasAudio)
        {
            bed.To("m");
            Normalized(graph.Chain("0:a").Then("volume", f => f.With("volume", videoVolume))).To("va");
            graph.Chain("va", "m").Then("amix", f => f.With("inputs", 2).With("duration", "longest").With("normalize", 0)).To("a");
        }
        else
        {
            bed.To("a");
        }

        var copy = facts.VideoCodec is "h264" or "hevc" or "mpeg4" or "av1";
        return args.WithFilterGraph(graph).AddOutput(output, o =>
        {
            o.MapStream("0:v:0").Map("a").Duration(facts.DurationSeconds);
            if (copy)
            {
                o.VideoCodec("copy").AudioCodec("aac").AudioBitrate(encode.AudioBitrate).FastStart();
            }
            else
            {
                Video(o, encode);
            }
        });
    }

    private static FilterChain Normalized(FilterChain chain) => chain
        .Then("aresample", f => f.With("osr", SampleRate))
        .Then("aformat", f => f.With("sample_fmts", "fltp").With("channel_layouts", "stereo"));

    private static FFmpegOutput Video(FFmpegOutput output, FFmpegOptions encode) => output
        .VideoCodec("libx264").Preset(encode.Preset).Crf(encode.Crf).PixelFormat("yuv420p")
        .AudioCodec("aac").AudioBitrate(encode.AudioBitrate).FastStart();

    private static int Even(int value, int fallback) => value >= 2 ? value & ~1 : fallback;
}

/// <summary>One merge scene as local files, with what the import probed.</summary>
public sealed record MergeSceneFiles(string VideoPath, MediaFacts Video, string VoicePath);
