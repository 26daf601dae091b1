using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Media.FFmpeg;

public sealed class FilterEscapingTests
{
    private const string Tricky = "It's 50% off: \"now\" \\ [today], a,b\nline two";

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a:b", @"a\\:b")]
    [InlineData("it's", @"it\\\'s")]
    [InlineData(@"back\slash", @"back\\\\slash")]
    [InlineData("a,b;c", @"a\,b\;c")]
    [InlineData("[label]", @"\[label\]")]
    [InlineData("100%", "100%")]
    [InlineData("between(t,2,5)", @"between(t\,2\,5)")]
    [InlineData("café ☕ 東京", "café ☕ 東京")]
    public void Escape_special_characters_golden(string input, string expected)
    {
        Assert.Equal(expected, FilterEscaping.Escape(input));
    }

    [Fact]
    public void Escape_edge_whitespace_is_kept()
    {
        // Unescaped leading/trailing whitespace is stripped by both FFmpeg parsers.
        Assert.Equal(@"\\ a\\\ ", FilterEscaping.Escape(" a "));
    }

    [Fact]
    public void Escape_tricky_overlay_text_golden()
    {
        Assert.Equal("It\\\\\\'s 50% off\\\\: \"now\" \\\\\\\\ \\[today\\]\\, a\\,b\nline two", FilterEscaping.Escape(Tricky));
    }

    [Theory]
    [InlineData(Tricky)]
    [InlineData("  padded on both ends  ")]
    [InlineData("'quoted' ;semi; {braces} %{pts} \\n not a newline")]
    public async Task Escape_tricky_text_reaches_drawtext_exactly_as_written(string text)
    {
        // drawtext reading the raw text from a file is the reference; the escaped inline text must render identically.
        using var temp = new TempDirectory();
        var textFile = temp.File("text.txt");
        await File.WriteAllTextAsync(textFile, text);

        var inline = await RenderAsync(temp.File("inline.png"), new Filter("drawtext").With("text", text));
        var fromFile = await RenderAsync(temp.File("file.png"), new Filter("drawtext").With("textfile", textFile));

        var a = await GrayFrame.GrabAsync(inline, 0, 480, 160);
        var b = await GrayFrame.GrabAsync(fromFile, 0, 480, 160);
        Assert.True(a.Contrast() > 5, "text was not drawn");
        Assert.Equal(0, a.MeanDifference(b, Region.Whole));
    }

    [Fact]
    public async Task Escape_path_with_specials_opens_the_file()
    {
        using var temp = new TempDirectory();
        var dir = Path.Combine(temp.Path, "it's [a],b;c: 50%");
        Directory.CreateDirectory(dir);
        var font = Path.Combine(dir, "font.ttf");
        File.Copy("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", font);

        var output = await RenderAsync(temp.File("out.png"), new Filter("drawtext").With("text", "font from a tricky path"), font);

        Assert.True((await GrayFrame.GrabAsync(output, 0, 480, 160)).Contrast() > 5);
    }

    private static async Task<string> RenderAsync(string output, Filter drawtext, string font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    {
        drawtext.With("fontfile", font).With("expansion", "none").With("fontsize", 20).With("fontcolor", "white").With("x", 10).With("y", 10);
        var graph = new FilterGraph();
        graph.Chain("0:v").Then(drawtext).To("v");
        var args = FFmpegArguments.Create();
        args.AddInput(FFmpegInput.Lavfi(new Filter("color").With("c", "black").With("s", "480x160").With("d", 0.1)));
        args.WithFilterGraph(graph).AddOutput(output, o => o.Map("v").Frames(1));
        await new FFmpegRunner(Microsoft.Extensions.Options.Options.Create(new FFmpegOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<FFmpegRunner>.Instance)
            .RunAsync(args);
        return output;
    }
}
