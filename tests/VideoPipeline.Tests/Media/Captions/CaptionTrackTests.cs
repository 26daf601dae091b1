using VideoPipeline.Domain;
using VideoPipeline.Media.Captions;

namespace VideoPipeline.Tests.Media.Captions;

public class CaptionTrackTests
{
    [Fact]
    public void Validate_ordered_cues_inside_the_video_pass()
    {
        var cues = new[] { new CaptionCue(0, 1, "a"), new CaptionCue(1, 2, "b"), new CaptionCue(2.5, 9.999, "c") };

        var error = Record.Exception(() => CaptionTrack.Validate(cues, 10));

        Assert.Null(error);
    }

    [Fact]
    public void Validate_overlapping_cue_throws_naming_it()
    {
        var cues = new[] { new CaptionCue(0, 1.5, "first"), new CaptionCue(1.2, 2, "second") };

        var error = Assert.Throws<InvalidCaptionTrackException>(() => CaptionTrack.Validate(cues, 10));

        Assert.Equal(2, error.CueNumber);
        Assert.Contains("Caption cue 2 of 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"second\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_cue_ending_at_the_video_end_throws()
    {
        var error = Assert.Throws<InvalidCaptionTrackException>(() => CaptionTrack.Validate([new CaptionCue(9, 10, "late")], 10));

        Assert.Contains("end of the video", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_cue_not_ending_after_its_start_throws()
    {
        var error = Assert.Throws<InvalidCaptionTrackException>(() => CaptionTrack.Validate([new CaptionCue(0, 1, "ok"), new CaptionCue(3, 3, "empty span")], 10));

        Assert.Equal(2, error.CueNumber);
    }

    [Fact]
    public void Validate_negative_start_throws()
    {
        var error = Assert.Throws<InvalidCaptionTrackException>(() => CaptionTrack.Validate([new CaptionCue(-0.1, 1, "early")], 10));

        Assert.Contains("starts before 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_blank_text_throws()
    {
        var error = Assert.Throws<InvalidCaptionTrackException>(() => CaptionTrack.Validate([new CaptionCue(0, 1, "  ")], 10));

        Assert.Contains("no text", error.Message, StringComparison.Ordinal);
    }
}
