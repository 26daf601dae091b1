using VideoPipeline.Domain;
using VideoPipeline.Media.Captions;

namespace VideoPipeline.Tests.Media.Captions;

public class AssWriterTests
{
    [Fact]
    public void Write_default_style_at_720p_matches_the_golden_script()
    {
        var cues = new[] { new CaptionCue(1.0, 2.5, "Hello world"), new CaptionCue(3725.5, 3726, "Line one\nLine two") };

        var ass = AssWriter.Write(cues, new CaptionStyle(), 1280, 720);

        Assert.Equal(
            """
            [Script Info]
            ScriptType: v4.00+
            PlayResX: 512
            PlayResY: 288
            WrapStyle: 0
            ScaledBorderAndShadow: yes

            [V4+ Styles]
            Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
            Style: Default,Arial Black,20,&H0000FFFF,&H0000FFFF,&H00000000,&H80000000,-1,0,0,0,100,100,0,0,1,2,0,2,10,10,18,1

            [Events]
            Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
            Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,Hello world
            Dialogue: 0,1:02:05.50,1:02:06.00,Default,,0,0,0,,Line one\NLine two

            """.ReplaceLineEndings("\n"),
            ass);
    }

    [Theory]
    [InlineData(1280, 720, 512)]
    [InlineData(720, 1280, 162)]
    [InlineData(1080, 1080, 288)]
    public void Write_canvas_is_288_lines_high_and_as_wide_as_the_aspect_ratio(int width, int height, int playResX)
    {
        var ass = AssWriter.Write([], new CaptionStyle(), width, height);

        Assert.Contains($"\nPlayResX: {playResX}\nPlayResY: 288\n", ass, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_colours_become_ass_blue_green_red_order()
    {
        var style = new CaptionStyle { PrimaryColor = "#12AB34", OutlineColor = "#a0b0c0", FontSize = 24, Alignment = 8, FontName = "DejaVu Sans" };

        var ass = AssWriter.Write([], style, 1280, 720);

        Assert.Contains("Style: Default,DejaVu Sans,24,&H0034AB12,&H0034AB12,&H00C0B0A0,", ass, StringComparison.Ordinal);
        Assert.Contains(",1,2,0,8,10,10,18,1\n", ass, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yellow")]
    [InlineData("#fff")]
    [InlineData("#12345G")]
    [InlineData("")]
    public void Write_invalid_colour_throws_naming_the_field(string color)
    {
        var error = Assert.Throws<ArgumentException>(() => AssWriter.Write([], new CaptionStyle { OutlineColor = color }, 1280, 720));

        Assert.Contains("OutlineColor", error.Message, StringComparison.Ordinal);
        Assert.Equal("style", error.ParamName);
    }

    [Fact]
    public void Write_font_name_loses_commas_and_control_characters()
    {
        var ass = AssWriter.Write([], new CaptionStyle { FontName = "Evil,Font\n,20" }, 1280, 720);

        Assert.Contains("Style: Default,EvilFont20,20,", ass, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_braces_cannot_open_override_blocks()
    {
        var ass = AssWriter.Write([new CaptionCue(0, 1, "{\\an8}top? {b}")], new CaptionStyle(), 1280, 720);

        var dialogue = DialogueText(ass);
        Assert.DoesNotContain('{', dialogue);
        Assert.DoesNotContain('}', dialogue);
        Assert.StartsWith("(\\\u2060an8)top? (b)", dialogue, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\\Nb")]
    [InlineData("a\\nb")]
    [InlineData("a\\hb")]
    public void Write_backslash_sequences_in_text_are_not_interpreted(string text)
    {
        var ass = AssWriter.Write([new CaptionCue(0, 1, text)], new CaptionStyle(), 1280, 720);

        var dialogue = DialogueText(ass);
        Assert.Equal(text.Replace("\\", "\\\u2060", StringComparison.Ordinal), dialogue);
        Assert.DoesNotContain("\\N", dialogue, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_cue_rounding_onto_its_start_still_ends_a_centisecond_later()
    {
        var ass = AssWriter.Write([new CaptionCue(1.001, 1.004, "blink")], new CaptionStyle(), 1280, 720);

        Assert.Contains("Dialogue: 0,0:00:01.00,0:00:01.01,", ass, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_non_positive_video_size_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AssWriter.Write([], new CaptionStyle(), 1280, 0));
    }

    private static string DialogueText(string ass)
    {
        var line = ass.Split('\n').Single(l => l.StartsWith("Dialogue:", StringComparison.Ordinal));
        return line[(line.IndexOf(",,0,0,0,,", StringComparison.Ordinal) + ",,0,0,0,,".Length)..];
    }
}
