using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Text;

namespace VideoPipeline.Tests.TestSupport;

/// <summary>Burns ASS scripts (with their colour emoji) into one frame with real FFmpeg, libass and fonts.</summary>
public static class TextRender
{
    public static FFmpegRunner Runner { get; } = new(Microsoft.Extensions.Options.Options.Create(new FFmpegOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<FFmpegRunner>.Instance);

    /// <param name="background">A video to draw on; null for a flat dark blue frame.</param>
    public static async Task<GrayFrame> FrameAsync(TextFonts fonts, int width, int height, double at, string? background, params string[] scripts)
    {
        using var temp = new TempDirectory();
        var paths = new List<string>();
        var emoji = new List<EmojiPlacement>();
        foreach (var script in scripts)
        {
            var path = temp.File($"text{paths.Count}.ass");
            await File.WriteAllTextAsync(path, script);
            paths.Add(path);
            emoji.AddRange(AssScript.ReadEmoji(script));
        }

        var sprites = await EmojiSprite.WriteAsync(fonts, emoji, temp.Path);
        var args = FFmpegArguments.Create();
        args.AddInput(background is null
            ? FFmpegInput.Lavfi(new Filter("color").With("c", "0x203048").With("s", $"{width}x{height}").With("r", 25).With("d", at + 1))
            : FFmpegInput.File(background));
        var graph = new FilterGraph();
        TextBurnIn.Apply(args, graph, graph.Chain("0:v"), paths, sprites, "v");
        var output = temp.File("frame.png");
        args.WithFilterGraph(graph).AddOutput(output, o => o.Map("v").With("-ss", Filter.FormatNumber(at)).Frames(1).With("-update", "1"));
        await Runner.RunAsync(args);
        return await GrayFrame.GrabAsync(output, 0, width, height);
    }
}
