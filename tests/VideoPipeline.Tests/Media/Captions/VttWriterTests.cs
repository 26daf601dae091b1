using VideoPipeline.Domain;
using VideoPipeline.Media.Captions;

namespace VideoPipeline.Tests.Media.Captions;

public class VttWriterTests
{
    [Fact]
    public void Write_produces_header_and_dot_milliseconds()
    {
        var cues = new[] { new CaptionCue(1.0, 2.5, "Hello world"), new CaptionCue(3725.5, 3726.0126, "Line one\nLine two") };

        var vtt = VttWriter.Write(cues);

        Assert.Equal(
            "WEBVTT\n\n" +
            "00:00:01.000 --> 00:00:02.500\nHello world\n\n" +
            "01:02:05.500 --> 01:02:06.013\nLine one\nLine two\n\n",
            vtt);
    }

    [Fact]
    public void Write_markup_characters_are_escaped()
    {
        var vtt = VttWriter.Write([new CaptionCue(0, 1, "Tom & Jerry <3 --> go")]);

        Assert.EndsWith("\nTom &amp; Jerry &lt;3 --&gt; go\n\n", vtt, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_no_cues_gives_only_the_header()
    {
        Assert.Equal("WEBVTT\n\n", VttWriter.Write([]));
    }
}
