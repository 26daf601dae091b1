using VideoPipeline.Domain;
using VideoPipeline.Media.Captions;

namespace VideoPipeline.Tests.Media.Captions;

public class SrtWriterTests
{
    [Fact]
    public void Write_produces_numbered_blocks_with_comma_milliseconds()
    {
        var cues = new[]
        {
            new CaptionCue(1.0, 2.5, "Hello world"),
            new CaptionCue(2.5, 4.0126, "Line one\nLine two"),
            new CaptionCue(3725.5, 3726, "Late"),
        };

        var srt = SrtWriter.Write(cues);

        Assert.Equal(
            "1\n00:00:01,000 --> 00:00:02,500\nHello world\n\n" +
            "2\n00:00:02,500 --> 00:00:04,013\nLine one\nLine two\n\n" +
            "3\n01:02:05,500 --> 01:02:06,000\nLate\n\n",
            srt);
    }

    [Fact]
    public void Write_no_cues_gives_an_empty_file()
    {
        Assert.Equal("", SrtWriter.Write([]));
    }

    [Fact]
    public void Write_blank_lines_inside_cue_text_are_dropped_so_the_cue_does_not_end_early()
    {
        var srt = SrtWriter.Write([new CaptionCue(0, 1, "a\r\n\r\nb")]);

        Assert.Equal("1\n00:00:00,000 --> 00:00:01,000\na\nb\n\n", srt);
    }

    [Fact]
    public void Write_arrow_in_text_cannot_be_mistaken_for_a_timing_line()
    {
        var srt = SrtWriter.Write([new CaptionCue(0, 1, "a --> b")]);

        Assert.Equal(1, srt.Split("-->").Length - 1);
    }

    [Fact]
    public void Write_cue_shorter_than_a_millisecond_still_ends_after_it_starts()
    {
        var srt = SrtWriter.Write([new CaptionCue(1.0001, 1.0002, "blink")]);

        Assert.Contains("00:00:01,000 --> 00:00:01,001", srt, StringComparison.Ordinal);
    }
}
