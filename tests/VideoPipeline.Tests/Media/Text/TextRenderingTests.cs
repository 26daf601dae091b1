using VideoPipeline.Domain;
using VideoPipeline.Media.Assembly;
using VideoPipeline.Media.Captions;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Text;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Media.Text;

/// <summary>
/// Text in every script is drawn, with real FFmpeg, libass and the Noto fonts: a render with the default
/// stack matches a render whose only font for the text is one known to cover it, and differs from one
/// whose only font lacks it (which draws .notdef boxes, "tofu").
/// </summary>
[Collection(TextRenderGroup.Name)]
public sealed class TextRenderingTests
{
    private const string Noto = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
    private const string Cjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc#0";
    private const string Arabic = "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf";
    private const string Emoji = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";

    public static TheoryData<string, string, string> Scripts => new()
    {
        { "chinese", "咖啡店的早晨，阳光明媚", Cjk },
        { "japanese", "朝のコーヒーを楽しもう", Cjk },
        { "arabic", "قهوة الصباح مع الأصدقاء", Arabic },
        { "emoji", "😀🎉☕👍🏽🇯🇵👨‍👩‍👧", Emoji },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Overlay_draws_every_glyph(string name, string text, string covering)
    {
        string Overlay(TextFonts fonts) => OverlayLayout.Write(fonts, Resolution.Landscape720, [new AssemblyOverlay(text, 0, 4, "top")], []);

        await AssertEveryGlyphDrawn(name, Overlay, covering);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Caption_draws_every_glyph(string name, string text, string covering)
    {
        string Caption(TextFonts fonts) => AssWriter.Write([new CaptionCue(0, 4, text)], new CaptionStyle(), 1280, 720, fonts);

        await AssertEveryGlyphDrawn(name, Caption, covering);
    }

    [Fact]
    public async Task Mixed_scripts_in_one_line_draw_each_run_with_its_face()
    {
        var text = "Coffee 咖啡 قهوة 🎉";
        var ass = OverlayLayout.Write(TestFonts.Default, Resolution.Landscape720, [new AssemblyOverlay(text, 0, 4, "top")], []);

        var faces = ass.Split('\n').Where(l => l.StartsWith("Dialogue: 1", StringComparison.Ordinal)).Select(l => l.Split("\\fn")[1].Split('\\')[0]).ToList();
        Assert.Equal(["Noto Sans Bold", "NotoSansCJKjp-Bold", "Noto Sans Arabic Bold"], faces);
        Assert.Single(AssScript.ReadEmoji(ass));
        var frame = await TextRender.FrameAsync(TestFonts.Default, 1280, 720, 1, null, ass);
        Assert.True(frame.Contrast() > 5);
    }

    [Theory]
    [InlineData("It's 50% off: \"now\" \\ [today], a,b; c=d")]
    [InlineData("{\\an8}%{pts} $(rm -rf /) `id` \\N \\h {\\b1}bold?")]
    [InlineData("%{localtime} %{eif:1+1:d} \\{ \\} '' \"\"")]
    public async Task Hostile_overlay_text_is_drawn_literally(string text)
    {
        // drawtext reading the text from a file draws it literally: the reference, in the same face at the same size.
        var fonts = TestFonts.Only(Noto);
        var block = TextFitter.Fit(text, fonts, fonts.Primary, new TextFit(32, 32, 1200, 100, MaxLines: 1));
        var script = new AssScript(1280, 160, fonts.Primary);
        script.Add(block, 20, 40, 1200, TextAlign.Left, new TextLook(), 0, 4);
        var drawn = await TextRender.FrameAsync(fonts, 1280, 160, 1, null, script.Build());
        var blank = await TextRender.FrameAsync(fonts, 1280, 160, 1, null);
        var reference = await DrawTextAsync(text, 32, 20, 40);

        var (ink, expected) = (drawn.Mask(blank), reference.Mask(blank));
        var (a, b) = (Bounds(ink, 1280), Bounds(expected, 1280));
        Assert.Single(block.Lines);
        Assert.InRange(a.Width / (double)b.Width, 0.98, 1.02);
        Assert.InRange(a.Height / (double)b.Height, 0.9, 1.1);
        Assert.InRange(ink.Count / (double)expected.Count, 0.85, 1.15);
    }

    private static async Task<GrayFrame> DrawTextAsync(string text, int size, int x, int baselineTop)
    {
        using var temp = new TempDirectory();
        var textFile = temp.File("text.txt");
        await File.WriteAllTextAsync(textFile, text);
        var output = temp.File("reference.png");
        var graph = new FilterGraph();
        graph.Chain("0:v").Then("drawtext", f => f
            .With("fontfile", Noto).With("textfile", textFile).With("expansion", "none")
            .With("fontsize", size).With("fontcolor", "white").With("x", x).With("y", baselineTop)).To("v");
        var args = FFmpegArguments.Create();
        args.AddInput(FFmpegInput.Lavfi(new Filter("color").With("c", "0x203048").With("s", "1280x160").With("d", 0.1)));
        args.WithFilterGraph(graph).AddOutput(output, o => o.Map("v").Frames(1).With("-update", "1"));
        await TextRender.Runner.RunAsync(args);
        return await GrayFrame.GrabAsync(output, 0, 1280, 160);
    }

    private static (int Width, int Height) Bounds(HashSet<int> mask, int width) =>
        mask.Count == 0 ? (0, 0) : (mask.Max(i => i % width) - mask.Min(i => i % width) + 1, mask.Max(i => i / width) - mask.Min(i => i / width) + 1);

    private static async Task AssertEveryGlyphDrawn(string name, Func<TextFonts, string> script, string covering)
    {
        // Noto Sans (Latin) stays first in both, so sizes follow the same primary face; it lacks every glyph of these texts.
        var reference = TestFonts.Only(Noto, covering);
        var lacking = TestFonts.Only(Noto);
        var blank = await TextRender.FrameAsync(TestFonts.Default, 1280, 720, 1, null);
        var drawn = await TextRender.FrameAsync(TestFonts.Default, 1280, 720, 1, null, script(TestFonts.Default));
        var expected = await TextRender.FrameAsync(reference, 1280, 720, 1, null, script(reference));
        var tofu = await TextRender.FrameAsync(lacking, 1280, 720, 1, null, script(lacking));

        var ink = drawn.ChangedFraction(blank, Region.Whole);
        var fromReference = drawn.ChangedFraction(expected, Region.Whole);
        var fromTofu = drawn.ChangedFraction(tofu, Region.Whole);
        Assert.True(ink > 0.002, $"{name}: only {ink:P3} of the frame has text");
        Assert.True(fromReference < ink * 0.02, $"{name}: {fromReference:P3} differs from the covering font's render ({ink:P3} is text)");
        Assert.True(fromTofu > ink * 0.2, $"{name}: the render without the script's font (tofu) differs by only {fromTofu:P3}");
    }
}
