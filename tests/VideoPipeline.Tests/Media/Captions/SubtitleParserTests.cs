using VideoPipeline.Domain;
using VideoPipeline.Media.Captions;

namespace VideoPipeline.Tests.Media.Captions;

public class SubtitleParserTests
{
    private const int Precision = 6;

    [Fact]
    public void ParseSrt_reads_numbered_blocks()
    {
        var cues = SubtitleParser.ParseSrt("1\n00:00:01,000 --> 00:00:02,500\nHello world\n\n2\n01:02:05,500 --> 01:02:06,013\nLine one\nLine two\n");

        AssertCues([new(1, 2.5, "Hello world"), new(3725.5, 3726.013, "Line one\nLine two")], cues);
    }

    [Fact]
    public void ParseSrt_tolerates_bom_crlf_and_extra_blank_lines()
    {
        var cues = SubtitleParser.ParseSrt("\uFEFF\r\n\r\n1\r\n00:00:01,000 --> 00:00:02,000\r\nHi\r\n\r\n\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nBye\r\n\r\n");

        AssertCues([new(1, 2, "Hi"), new(3, 4, "Bye")], cues);
    }

    [Fact]
    public void ParseSrt_tolerates_missing_and_non_numeric_cue_numbers()
    {
        var cues = SubtitleParser.ParseSrt("00:00:01,000 --> 00:00:02,000\nNo number\n\nintro-cue\n00:00:03,000 --> 00:00:04,000\nNamed\n");

        AssertCues([new(1, 2, "No number"), new(3, 4, "Named")], cues);
    }

    [Fact]
    public void ParseSrt_text_after_a_stray_blank_line_stays_with_its_cue()
    {
        var cues = SubtitleParser.ParseSrt("1\n00:00:01,000 --> 00:00:02,000\nfirst\n\nsecond\n\n2\n00:00:03,000 --> 00:00:04,000\nnext\n");

        AssertCues([new(1, 2, "first\nsecond"), new(3, 4, "next")], cues);
    }

    [Fact]
    public void ParseSrt_arrow_in_cue_text_is_text_not_a_timing_line()
    {
        var cues = SubtitleParser.ParseSrt("1\n00:00:01,000 --> 00:00:02,000\nleft --> right\n");

        Assert.Equal("left --> right", cues.Single().Text);
    }

    [Fact]
    public void ParseSrt_strips_common_formatting_tags()
    {
        var cues = SubtitleParser.ParseSrt("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Hi</i> <font color=\"red\">there</font>\n");

        Assert.Equal("Hi there", cues.Single().Text);
    }

    [Fact]
    public void ParseSrt_malformed_timestamp_throws_naming_the_line()
    {
        const string srt = "1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:0x,000 --> 00:00:04,000\nbad\n";

        var error = Assert.Throws<FormatException>(() => SubtitleParser.ParseSrt(srt));

        Assert.StartsWith("Line 6:", error.Message, StringComparison.Ordinal);
        Assert.Contains("00:00:0x,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseSrt_out_of_range_minutes_throw_naming_the_line()
    {
        var error = Assert.Throws<FormatException>(() => SubtitleParser.ParseSrt("\n1\n00:61:00,000 --> 00:62:00,000\nx\n"));

        Assert.StartsWith("Line 3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseSrt_cue_ending_before_it_starts_throws_naming_the_line()
    {
        var error = Assert.Throws<FormatException>(() => SubtitleParser.ParseSrt("1\n00:00:05,000 --> 00:00:04,000\nx\n"));

        Assert.StartsWith("Line 2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseSrt_text_before_any_cue_throws_naming_the_line()
    {
        var error = Assert.Throws<FormatException>(() => SubtitleParser.ParseSrt("hello\nworld\n"));

        Assert.StartsWith("Line 1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseVtt_skips_header_text_and_note_style_region_blocks()
    {
        const string vtt = """
            WEBVTT - Demo captions
            Kind: captions
            Language: en

            NOTE This file was made by hand
            and the note runs two lines

            STYLE
            ::cue { color: yellow; }

            REGION
            id:fred width:40%

            00:00:01.000 --> 00:00:02.000
            Hello
            """;

        AssertCues([new(1, 2, "Hello")], SubtitleParser.ParseVtt(vtt));
    }

    [Fact]
    public void ParseVtt_tolerates_identifiers_settings_and_short_timestamps()
    {
        const string vtt = "WEBVTT\n\nintro\n01:02.500 --> 01:03.000 align:start position:10%\nShort form\n\n2\n00:01:04.000 --> 00:01:05.250 line:0\nLong form\n";

        AssertCues([new(62.5, 63, "Short form"), new(64, 65.25, "Long form")], SubtitleParser.ParseVtt(vtt));
    }

    [Fact]
    public void ParseVtt_joins_lines_and_strips_markup_and_entities()
    {
        const string vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Roger>Hello <i>there</i>\n<c.loud>Tom &amp; Jerry</c> &lt;3\n";

        Assert.Equal("Hello there\nTom & Jerry <3", SubtitleParser.ParseVtt(vtt).Single().Text);
    }

    [Fact]
    public void ParseVtt_malformed_timestamp_throws_naming_the_line()
    {
        var error = Assert.Throws<FormatException>(() => SubtitleParser.ParseVtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n\n00:00:03.000 --> soon\nbad\n"));

        Assert.StartsWith("Line 6:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseVtt_missing_signature_throws_naming_line_one()
    {
        var error = Assert.Throws<FormatException>(() => SubtitleParser.ParseVtt("00:00:01.000 --> 00:00:02.000\nHi\n"));

        Assert.StartsWith("Line 1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_detects_webvtt_by_its_signature()
    {
        var cues = SubtitleParser.Parse("\uFEFFWEBVTT\n\nNOTE not a cue\n\n00:00:01.000 --> 00:00:02.000\n<b>Hi</b>\n");

        AssertCues([new(1, 2, "Hi")], cues);
    }

    [Fact]
    public void Parse_reads_srt_when_there_is_no_webvtt_signature()
    {
        AssertCues([new(1, 2, "Hi")], SubtitleParser.Parse("1\n00:00:01,000 --> 00:00:02,000\nHi\n"));
    }

    [Fact]
    public void Srt_round_trip_keeps_times_and_text()
    {
        var cues = RoundTripCues();

        AssertCues(cues, SubtitleParser.ParseSrt(SrtWriter.Write(cues)));
    }

    [Fact]
    public void Vtt_round_trip_keeps_times_and_text()
    {
        var cues = RoundTripCues();

        AssertCues(cues, SubtitleParser.ParseVtt(VttWriter.Write(cues)));
    }

    private static CaptionCue[] RoundTripCues() =>
    [
        new(0, 0.4, "Hello, world."),
        new(0.4, 1.234, "Tom & Jerry <3"),
        new(1.5, 3.001, "two\nlines"),
        new(3599.999, 3661.5, "Café 你好 it's 50%"),
    ];

    private static void AssertCues(CaptionCue[] expected, IReadOnlyList<CaptionCue> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Start, actual[i].Start, Precision);
            Assert.Equal(expected[i].End, actual[i].End, Precision);
            Assert.Equal(expected[i].Text, actual[i].Text);
        }
    }
}
