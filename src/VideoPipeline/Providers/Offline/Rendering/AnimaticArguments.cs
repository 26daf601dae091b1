using System.Globalization;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Text;

namespace VideoPipeline.Providers.Offline.Rendering;

/// <summary>
/// The FFmpeg command for one storyboard frame sequence: a slowly turning gradient in the scene's
/// palette, letterbox bars, "SCENE n / N" and the look (lighting, palette) in the bars, the scene
/// description as a centred title that fades in, the main entity as a subtitle line, and a bar
/// that runs along the bottom as the scene plays. Pure: golden-tested without running FFmpeg.
/// </summary>
public static class AnimaticArguments
{
    public static FFmpegArguments Build(Providers.SceneClipRequest request, string outputPath, AnimaticOptions options)
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
        var barHeight = Even(h * 0.09);
        var timeline = args.AddInput(FFmpegInput.Lavfi(new Filter("color")
            .With("c", "white")
            .With("s", $"{w}x{Even(4 * scale)}")
            .With("r", request.Fps)));

        var title = Pixels(52 * scale);
        var small = Pixels(24 * scale);
        var maxChars = (int)(w * 0.86 / (title * 0.6));
        var lines = TextWrapper.Wrap(scene.Description, maxChars, 4);
        var lineHeight = (int)(title * 1.3);
        var firstLineY = (h - (lines.Count * lineHeight)) / 2;
        var fadeIn = $"min(1,t/{Filter.FormatNumber(Math.Min(0.6, seconds / 4))})";

        var graph = new FilterGraph();
        var chain = graph.Chain("0:v")
            .Then("scale", f => f.With("w", w).With("h", h).With("flags", "bilinear"))
            .Then("drawbox", f => f.With("x", 0).With("y", 0).With("w", w).With("h", barHeight).With("color", "black@0.85").With("t", "fill"))
            .Then("drawbox", f => f.With("x", 0).With("y", h - barHeight).With("w", w).With("h", barHeight).With("color", "black@0.85").With("t", "fill"))
            .Then(Text(options.BoldFontFile, $"SCENE {scene.SceneNumber} / {request.SceneCount}", small, "white@0.85", Pixels(40 * scale).ToString(CultureInfo.InvariantCulture), $"({barHeight}-text_h)/2"))
            .Then(Text(options.RegularFontFile, Look(scene.VisualStyle), small, "white@0.7", $"w-text_w-{Pixels(40 * scale)}", $"({barHeight}-text_h)/2"));

        for (var i = 0; i < lines.Count; i++)
        {
            chain.Then(Text(options.BoldFontFile, lines[i], title, "white", "(w-text_w)/2", (firstLineY + (i * lineHeight)).ToString(CultureInfo.InvariantCulture))
                .With("shadowcolor", "black@0.6")
                .With("shadowx", Pixels(3 * scale))
                .With("shadowy", Pixels(3 * scale))
                .With("alpha", fadeIn));
        }

        if (scene.Entities.Count > 0)
        {
            var e = scene.Entities[0];
            var detail = $"{e.Type} \u00b7 {e.Position} \u00b7 {e.Action.Replace('_', ' ')}";
            chain.Then(Text(options.RegularFontFile, detail, Pixels(28 * scale), "white@0.8", "(w-text_w)/2", (firstLineY + (lines.Count * lineHeight) + Pixels(20 * scale)).ToString(CultureInfo.InvariantCulture))
                .With("alpha", fadeIn));
        }

        chain.To("bg");
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

    private static Filter Text(string fontFile, string text, int size, string color, string x, string y) =>
        new Filter("drawtext")
            .With("fontfile", fontFile)
            .With("expansion", "none")
            .With("text", text)
            .With("fontsize", size)
            .With("fontcolor", color)
            .With("x", x)
            .With("y", y);

    private static string Look(Domain.VisualStyle style) =>
        $"{style.Lighting.Replace('_', ' ')} light \u00b7 {style.ColorPalette.Replace('_', ' ')}".ToUpperInvariant();

    private static int Pixels(double value) => Math.Max(1, (int)Math.Round(value));

    private static int Even(double value) => Math.Max(2, (int)Math.Round(value / 2) * 2);
}
