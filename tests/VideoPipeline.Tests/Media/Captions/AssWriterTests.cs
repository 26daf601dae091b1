using VideoPipeline.Domain;
using VideoPipeline.Media.Captions;
using VideoPipeline.Media.Text;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Media.Captions;

public class AssWriterTests
{
    private static readonly TextFonts Fonts = TestFonts.Default;

    [Fact]
    public void Write_default_style_at_720p_matches_the_golden_script()
    {
        var cues = new[] { new CaptionCue(1.0, 2.5, "Hello world"), new CaptionCue(3725.5, 3726, "Line one\nLine two") };

        var ass = AssWriter.Write(cues, new CaptionStyle(), 1280, 720, Fonts);

        Assert.Equal(
            """
            [Script Info]
            ScriptType: v4.00+
            PlayResX: 1280
            PlayResY: 720
            WrapStyle: 2
            ScaledBorderAndShadow: yes

            [V4+ Styles]
            Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
            Style: Text,Noto Sans Bold,20,&H00FFFFFF,&H00FFFFFF,&H00000000,&H99000000,0,0,0,0,100,100,0,0,1,0,0,7,0,0,0,1

            [Events]
            Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
            Dialogue: 1,0:00:01.00,0:00:02.50,Text,,0,0,0,,{\an7\pos(535.15,614.6)\fnNoto Sans Bold\fs50\bord5\shad0\1c&H00FFFF&\1a&H00&\3c&H000000&\4c&H000000&\4a&H66&}Hello world
            Comment: 0,0:00:01.00,0:00:02.50,Area,,0,0,0,,530.15,609.6,219.69,60
            Dialogue: 1,1:02:05.50,1:02:06.00,Text,,0,0,0,,{\an7\pos(562.08,564.6)\fnNoto Sans Bold\fs50\bord5\shad0\1c&H00FFFF&\1a&H00&\3c&H000000&\4c&H000000&\4a&H66&}Line one
            Dialogue: 1,1:02:05.50,1:02:06.00,Text,,0,0,0,,{\an7\pos(561.31,614.6)\fnNoto Sans Bold\fs50\bord5\shad0\1c&H00FFFF&\1a&H00&\3c&H000000&\4c&H000000&\4a&H66&}Line two
            Comment: 0,1:02:05.50,1:02:06.00,Area,,0,0,0,,556.31,559.6,167.38,110

            """.ReplaceLineEndings("\n"),
            ass);
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(720, 1280)]
    [InlineData(1080, 1080)]
    public void Write_canvas_is_the_video_in_pixels(int width, int height)
    {
        var ass = AssWriter.Write([], new CaptionStyle(), width, height, Fonts);

        Assert.Contains($"\nPlayResX: {width}\nPlayResY: {height}\nWrapStyle: 2\n", ass, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(720, 50)]
    [InlineData(1080, 75)]
    public void Write_font_size_keeps_the_288_line_meaning(int height, int assSize)
    {
        var ass = AssWriter.Write([new CaptionCue(0, 1, "size")], new CaptionStyle(), height * 16 / 9, height, Fonts);

        Assert.Contains($"\\fs{assSize}\\", ass, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_colours_become_ass_blue_green_red_order()
    {
        var style = new CaptionStyle { PrimaryColor = "#12AB34", OutlineColor = "#a0b0c0" };

        var ass = AssWriter.Write([new CaptionCue(0, 1, "colour")], style, 1280, 720, Fonts);

        Assert.Contains("\\1c&H34AB12&", ass, StringComparison.Ordinal);
        Assert.Contains("\\3c&HC0B0A0&", ass, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, 0.78, 0.93)]
    [InlineData(5, 0.40, 0.60)]
    [InlineData(8, 0.069, 0.22)]
    public void Write_alignment_places_the_caption_inside_the_safe_area(int alignment, double from, double to)
    {
        var ass = AssWriter.Write([new CaptionCue(0, 1, "where am I")], new CaptionStyle { Alignment = alignment }, 1280, 720, Fonts);

        var area = Assert.Single(AssScript.ReadAreas(ass));
        Assert.InRange(area.Y / 720, from, to);
        Assert.InRange((area.Y + area.Height) / 720, from, to);
    }

    [Fact]
    public void Write_a_long_cue_wraps_and_shrinks_inside_the_safe_area()
    {
        var text = string.Join(' ', Enumerable.Repeat("caption", 60));

        var ass = AssWriter.Write([new CaptionCue(0, 1, text)], new CaptionStyle { FontSize = 40 }, 1280, 720, Fonts);

        var area = Assert.Single(AssScript.ReadAreas(ass));
        Assert.True(area.X >= 1280 * 0.07 && area.X + area.Width <= 1280 * 0.93, $"{area}");
        Assert.True(area.Y >= 720 * 0.07 && area.Y + area.Height <= 720 * 0.93, $"{area}");
    }

    [Theory]
    [InlineData("yellow")]
    [InlineData("#fff")]
    [InlineData("#12345G")]
    [InlineData("")]
    public void Write_invalid_colour_throws_naming_the_field(string color)
    {
        var error = Assert.Throws<ArgumentException>(() => AssWriter.Write([], new CaptionStyle { OutlineColor = color }, 1280, 720, Fonts));

        Assert.Contains("OutlineColor", error.Message, StringComparison.Ordinal);
        Assert.Equal("style", error.ParamName);
    }

    [Theory]
    [InlineData("Noto Sans CJK JP", "NotoSansCJKjp-Bold")]
    [InlineData("DejaVu Sans", "DejaVu Sans Bold")]
    [InlineData("Arial Black", "Noto Sans Bold")]
    [InlineData("Evil,Font}\\n,20", "Noto Sans Bold")]
    public void Write_font_name_picks_a_face_of_the_stack_or_the_first(string name, string assName)
    {
        var ass = AssWriter.Write([new CaptionCue(0, 1, "font")], new CaptionStyle { FontName = name }, 1280, 720, Fonts);

        Assert.Contains($"\\fn{assName}\\", ass, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_braces_are_drawn_literally_and_open_no_override_block()
    {
        var ass = AssWriter.Write([new CaptionCue(0, 1, "{\\an8}top? {b}")], new CaptionStyle(), 1280, 720, Fonts);

        Assert.EndsWith("}\\{\\\u2060an8\\}top? \\{b\\}", DialogueText(ass), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\\Nb")]
    [InlineData("a\\nb")]
    [InlineData("a\\hb")]
    public void Write_backslash_sequences_in_text_are_not_interpreted(string text)
    {
        var ass = AssWriter.Write([new CaptionCue(0, 1, text)], new CaptionStyle(), 1280, 720, Fonts);

        Assert.EndsWith("}" + text.Replace("\\", "\\\u2060", StringComparison.Ordinal), DialogueText(ass), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_colour_emoji_are_recorded_for_overlay_not_given_to_libass()
    {
        var ass = AssWriter.Write([new CaptionCue(0, 1, "party 🎉 time")], new CaptionStyle(), 1280, 720, Fonts);

        var emoji = Assert.Single(AssScript.ReadEmoji(ass));
        Assert.Equal("🎉", emoji.Cluster);
        Assert.Equal((0.0, 1.0), (emoji.Start, emoji.End));
        Assert.DoesNotContain("🎉", string.Join('\n', ass.Split('\n').Where(l => l.StartsWith("Dialogue:", StringComparison.Ordinal))), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_cue_rounding_onto_its_start_still_ends_a_centisecond_later()
    {
        var ass = AssWriter.Write([new CaptionCue(1.001, 1.004, "blink")], new CaptionStyle(), 1280, 720, Fonts);

        Assert.Contains("Dialogue: 1,0:00:01.00,0:00:01.01,", ass, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_non_positive_video_size_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AssWriter.Write([], new CaptionStyle(), 1280, 0, Fonts));
    }

    private static string DialogueText(string ass) =>
        ass.Split('\n').Single(l => l.StartsWith("Dialogue:", StringComparison.Ordinal)).Split(",,0,0,0,,", 2)[1];
}
