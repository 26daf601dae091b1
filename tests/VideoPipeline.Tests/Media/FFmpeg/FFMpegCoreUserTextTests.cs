using FFMpegCore;
using Microsoft.Extensions.Options;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Media.FFmpeg;

/// <summary>
/// Why user text never goes through FFMpegCore's filter helpers: the same hostile string rendered both ways.
/// FFMpegCore writes one command-line string, so a double quote is lost, and it leaves drawtext's text expansion on,
/// so a '%' makes drawtext draw nothing while ffmpeg still exits 0. The project's own escaping
/// (<see cref="FilterEscaping.Escape"/>, an argument list, expansion off) draws exactly the text a file would.
/// </summary>
public sealed class FFMpegCoreUserTextTests
{
    private const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private static readonly FFOptions Core = new FFMpegCoreOptions(Options.Create(new FFmpegOptions())).Current;

    [Fact]
    public async Task FFMpegCore_drawtext_with_a_percent_sign_exits_0_having_drawn_nothing()
    {
        using var temp = new TempDirectory();

        var (succeeded, output) = await RenderWithFFMpegCoreAsync(temp.File("core.png"), "Save 100% today");

        Assert.True(succeeded, "ffmpeg reported success");
        Assert.True((await GrayFrame.GrabAsync(output, 0, 480, 160)).Contrast() < 1, "FFMpegCore's drawtext drew something after all");
    }

    [Fact]
    public async Task FFMpegCore_drawtext_drops_double_quotes_that_the_projects_escaping_keeps()
    {
        using var temp = new TempDirectory();
        const string Quoted = "Say \"cheese\" now";

        var (_, core) = await RenderWithFFMpegCoreAsync(temp.File("core.png"), Quoted);
        var escaped = await RenderEscapedAsync(temp.File("escaped.png"), Quoted);
        var reference = await RenderFromFileAsync(temp, Quoted);
        var withoutQuotes = await RenderFromFileAsync(temp, Quoted.Replace("\"", string.Empty, StringComparison.Ordinal));

        var coreFrame = await GrayFrame.GrabAsync(core, 0, 480, 160);
        Assert.Equal(0, (await GrayFrame.GrabAsync(escaped, 0, 480, 160)).MeanDifference(await GrayFrame.GrabAsync(reference, 0, 480, 160), Region.Whole));
        Assert.Equal(0, coreFrame.MeanDifference(await GrayFrame.GrabAsync(withoutQuotes, 0, 480, 160), Region.Whole));
        Assert.NotEqual(0, coreFrame.MeanDifference(await GrayFrame.GrabAsync(reference, 0, 480, 160), Region.Whole));
    }

    [Theory]
    [InlineData("Say \"cheese\": 100% off, it's [today]; a\\b")]
    [InlineData("  кофе ☕ 東京 %{pts} \"quoted\"  ")]
    public async Task Projects_escaping_draws_the_hostile_string_exactly_while_FFMpegCore_does_not(string hostile)
    {
        using var temp = new TempDirectory();

        var (succeeded, core) = await RenderWithFFMpegCoreAsync(temp.File("core.png"), hostile);
        var escaped = await RenderEscapedAsync(temp.File("escaped.png"), hostile);
        var reference = await RenderFromFileAsync(temp, hostile);

        var escapedFrame = await GrayFrame.GrabAsync(escaped, 0, 480, 160);
        Assert.True(escapedFrame.Contrast() > 5, "the escaped text was not drawn");
        Assert.Equal(0, escapedFrame.MeanDifference(await GrayFrame.GrabAsync(reference, 0, 480, 160), Region.Whole));
        Assert.True(succeeded, "FFMpegCore's run reported failure; the point is that it reports success");
        Assert.NotEqual(0, (await GrayFrame.GrabAsync(core, 0, 480, 160)).MeanDifference(await GrayFrame.GrabAsync(reference, 0, 480, 160), Region.Whole));
    }

    private static async Task<(bool Succeeded, string Output)> RenderWithFFMpegCoreAsync(string output, string text)
    {
        var result = await FFMpegArguments
            .FromFileInput("color=c=black:s=480x160:d=0.1", verifyExists: false, o => o.ForceFormat("lavfi"))
            .OutputToFile(output, overwrite: true, o => o
                .WithVideoFilters(f => f.DrawText(text, d => d.WithFontFile(Font)
                    .WithParameter("fontsize", "20").WithParameter("fontcolor", "white").WithParameter("x", "10").WithParameter("y", "10")))
                .WithCustomArgument("-frames:v 1"))
            .ProcessAsynchronously(throwOnError: false, Core);
        return (result.Success && result.ExitCode == 0, output);
    }

    private static Task<string> RenderEscapedAsync(string output, string text) => RenderAsync(output, new Filter("drawtext").With("text", text));

    private static async Task<string> RenderFromFileAsync(TempDirectory temp, string text)
    {
        var file = temp.File($"text-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, text);
        return await RenderAsync(temp.File($"file-{Guid.NewGuid():N}.png"), new Filter("drawtext").With("textfile", file));
    }

    private static async Task<string> RenderAsync(string output, Filter drawtext)
    {
        drawtext.With("fontfile", Font).With("expansion", "none").With("fontsize", 20).With("fontcolor", "white").With("x", 10).With("y", 10);
        var graph = new FilterGraph();
        graph.Chain("0:v").Then(drawtext).To("v");
        var args = FFmpegArguments.Create();
        args.AddInput(FFmpegInput.Lavfi(new Filter("color").With("c", "black").With("s", "480x160").With("d", 0.1)));
        args.WithFilterGraph(graph).AddOutput(output, o => o.Map("v").Frames(1));
        await new FFmpegRunner(Options.Create(new FFmpegOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<FFmpegRunner>.Instance).RunAsync(args);
        return output;
    }
}
