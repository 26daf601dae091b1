using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Text;

namespace VideoPipeline.Providers.Offline.Rendering;

/// <summary>
/// The FFmpeg command for one storyboard frame sequence: a slowly turning gradient in the scene's
/// palette, letterbox bars, the scene's text (<see cref="AnimaticText"/>: label, look, title, entity)
/// drawn by libass from a script file with its colour emoji, and a bar that runs along the bottom as
/// the scene plays. Pure: golden-tested without running FFmpeg.
/// </summary>
public static class AnimaticArguments
{
    public static FFmpegArguments Build(Providers.SceneClipRequest request, string outputPath, AnimaticOptions options, string textScript, IReadOnlyList<EmojiSprite> sprites)
    {
        var (w, h) = (request.Resolution.Width, request.Resolution.Height);
        var scale = Math.Min(w, h) / 720.0;
        var seconds = request.FrameCount / (double)request.Fps;
        var scene = request.Scene;
        var colors = ColorPalettes.Resolve(scene.VisualStyle.ColorPalette);

        var args = FFmpegArguments.Create();
        // A smooth gradient loses nothing rendered at quarter size and scaled up, at 40 % of the cost.
        var gradient = new Filter("gradients")
            .With("s", $"{Even(w / 4.0)}x{Even(h / 4.0)}")
            .With("r", request.Fps)
            .With("n", Math.Min(colors.Count, 8))
            .With("speed", 0.012)
            .With("seed", request.Seed & 0xFFFFFFFF)
            .With("type", scene.SceneNumber % 2 == 1 ? "linear" : "radial");
        for (var i = 0; i < Math.Min(colors.Count, 8); i++)
        {
            gradient.With($"c{i}", colors[i]);
        }

        args.AddInput(FFmpegInput.Lavfi(gradient));
        var barHeight = BarHeight(h);
        var timeline = args.AddInput(FFmpegInput.Lavfi(new Filter("color")
            .With("c", "white")
            .With("s", $"{w}x{Even(4 * scale)}")
            .With("r", request.Fps)));

        var graph = new FilterGraph();
        var chain = graph.Chain("0:v")
            .Then("scale", f => f.With("w", w).With("h", h).With("flags", "bilinear"))
            .Then("drawbox", f => f.With("x", 0).With("y", 0).With("w", w).With("h", barHeight).With("color", "black@0.85").With("t", "fill"))
            .Then("drawbox", f => f.With("x", 0).With("y", h - barHeight).With("w", w).With("h", barHeight).With("color", "black@0.85").With("t", "fill"));
        TextBurnIn.Apply(args, graph, chain, [textScript], sprites, "bg");
        graph.Chain("bg", $"{timeline}:v")
            .Then("overlay", f => f
                .With("x", $"-W+W*t/{Filter.FormatNumber(seconds)}")
                .With("y", h - barHeight)
                .With("eval", "frame")
                .With("shortest", 1))
            .Then("format", f => f.With("pix_fmts", "yuv420p"))
            .To("v");

        args.WithFilterGraph(graph).AddOutput(outputPath, o => o
            .Map("v")
            .Frames(request.FrameCount)
            .VideoCodec("libx264")
            .Preset(options.Preset)
            .Crf(options.Crf)
            .PixelFormat("yuv420p")
            .FrameRate(request.Fps)
            .NoAudio());
        return args;
    }

    /// <summary>Height of the letterbox bars: 9 % of the frame.</summary>
    public static int BarHeight(int height) => Even(height * 0.09);

    private static int Even(double value) => Math.Max(2, (int)Math.Round(value / 2) * 2);
}
