using VideoPipeline.Domain;
using VideoPipeline.Media.Captions;

namespace VideoPipeline.Tests.Media.Captions;

public class CueBuilderTests
{
    private const int Precision = 6;

    [Fact]
    public void Build_default_style_puts_three_words_per_cue()
    {
        var words = Spaced("one", "two", "three", "four", "five");

        var cues = CueBuilder.Build(words, new CaptionStyle().WordsPerLine, 60);

        Assert.Equal(["one two three", "four five"], cues.Select(c => c.Text));
    }

    [Fact]
    public void Build_never_joins_words_across_a_sentence_end()
    {
        var words = Spaced("Hi", "there.", "How", "are", "you?", "Fine!", "Thanks");

        var cues = CueBuilder.Build(words, 3, 60);

        Assert.Equal(["Hi there.", "How are you?", "Fine!", "Thanks"], cues.Select(c => c.Text));
    }

    [Fact]
    public void Build_sentence_end_inside_closing_quote_still_breaks()
    {
        var cues = CueBuilder.Build(Spaced("He", "said", "\"no.\"", "Then", "left"), 5, 60);

        Assert.Equal(["He said \"no.\"", "Then left"], cues.Select(c => c.Text));
    }

    [Fact]
    public void Build_cue_runs_from_first_word_start_to_last_word_end_plus_hold()
    {
        var cues = CueBuilder.Build([Word("a", 1.0, 1.3), Word("b", 1.3, 1.8)], 3, 10);

        Assert.Equal(1.0, cues[0].Start, Precision);
        Assert.Equal(1.95, cues[0].End, Precision);
    }

    [Fact]
    public void Build_short_cue_lasts_the_minimum_duration_when_there_is_room()
    {
        var cues = CueBuilder.Build([Word("Hi", 1.0, 1.1)], 3, 10);

        Assert.Equal(1.4, cues[0].End, Precision);
    }

    [Fact]
    public void Build_cue_end_is_trimmed_to_the_next_cue_start()
    {
        var words = new[] { Word("a", 0, 0.3), Word("b", 0.3, 0.6), Word("c", 0.6, 0.9), Word("d", 0.95, 1.2) };

        var cues = CueBuilder.Build(words, 3, 10);

        Assert.Equal(0.95, cues[0].End, Precision);
        Assert.Equal(0.95, cues[1].Start, Precision);
    }

    [Fact]
    public void Build_minimum_duration_gives_way_to_the_next_cue()
    {
        var cues = CueBuilder.Build([Word("Hi.", 1.0, 1.1), Word("There.", 1.2, 1.5)], 3, 10);

        Assert.Equal(1.2, cues[0].End, Precision);
    }

    [Fact]
    public void Build_last_cue_ends_a_millisecond_before_the_video_ends()
    {
        var cues = CueBuilder.Build([Word("bye", 9.8, 9.99)], 3, 10);

        Assert.Equal(9.999, cues[0].End, Precision);
    }

    [Fact]
    public void Build_cue_starting_at_or_after_the_video_end_is_dropped()
    {
        var words = new[] { Word("kept", 5, 5.5), Word("at", 10, 10.2), Word("after", 11, 11.5) };

        var cues = CueBuilder.Build(words, 1, 10);

        Assert.Equal(["kept"], cues.Select(c => c.Text));
    }

    [Fact]
    public void Build_words_squeezed_into_one_instant_still_get_visible_ordered_cues()
    {
        var words = Enumerable.Range(1, 6).Select(i => Word($"w{i}", 2, 2)).ToArray();

        var cues = CueBuilder.Build(words, 3, 10);

        Assert.Equal(2, cues.Count);
        Assert.True(cues[1].Start > cues[0].Start);
        CaptionTrack.Validate(cues, 10);
    }

    [Fact]
    public void Build_negative_word_times_are_clamped_to_zero()
    {
        var cues = CueBuilder.Build([Word("early", -0.5, 0.2)], 3, 10);

        Assert.Equal(0, cues[0].Start);
    }

    [Fact]
    public void Build_options_change_hold_and_minimum_duration()
    {
        var options = new CueBuilderOptions { HoldSeconds = 0.5, MinimumDurationSeconds = 0 };

        var cues = CueBuilder.Build([Word("hold", 1.0, 1.2)], 3, 10, options);

        Assert.Equal(1.7, cues[0].End, Precision);
    }

    [Fact]
    public void Build_blank_words_are_skipped()
    {
        var cues = CueBuilder.Build([Word("a", 0, 0.2), Word(" ", 0.2, 0.3), Word("b", 0.3, 0.5)], 3, 10);

        Assert.Equal("a b", cues.Single().Text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Build_words_per_line_below_one_throws_naming_the_parameter(int wordsPerLine)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CueBuilder.Build([Word("a", 0, 1)], wordsPerLine, 10));

        Assert.Equal("wordsPerLine", error.ParamName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Build_any_word_times_give_a_valid_track(int seed)
    {
        var random = new Random(seed);
        var t = -1.0;
        var words = Enumerable.Range(0, 200).Select(i =>
        {
            // Mostly forward, sometimes backwards or stuck, as a confused recognizer might report.
            t += random.NextDouble() < 0.15 ? -random.NextDouble() : random.NextDouble() * 0.5;
            var text = random.NextDouble() < 0.2 ? $"w{i}." : $"w{i}";
            return Word(text, t, t + (random.NextDouble() * 0.6) - 0.1);
        }).ToArray();

        var cues = CueBuilder.Build(words, 1 + random.Next(4), 30);

        CaptionTrack.Validate(cues, 30);
        Assert.NotEmpty(cues);
    }

    [Fact]
    public void Merge_scene_cue_holding_into_the_next_scene_is_trimmed()
    {
        var scene1 = new[] { new CaptionCue(0, 2.2, "end of scene one") };
        var scene2 = new[] { new CaptionCue(2.0, 3.0, "scene two") };

        var merged = CueBuilder.Merge([scene1, scene2], 10);

        Assert.Equal([new CaptionCue(0, 2.0, "end of scene one"), new CaptionCue(2.0, 3.0, "scene two")], merged);
    }

    [Fact]
    public void Merge_cues_past_the_video_end_are_dropped_or_clamped()
    {
        var scene = new[] { new CaptionCue(8, 9.5, "clamped"), new CaptionCue(10, 11, "dropped") };

        var merged = CueBuilder.Merge([scene], 9);

        Assert.Equal([new CaptionCue(8, 8.999, "clamped")], merged);
    }

    private static TimedWord Word(string text, double start, double end) => new(text, start, end, true);

    /// <summary>Words half a second apart with pauses between them.</summary>
    private static TimedWord[] Spaced(params string[] texts) =>
        texts.Select((text, i) => Word(text, i * 0.5, (i * 0.5) + 0.3)).ToArray();
}
