using VideoPipeline.Domain;
using VideoPipeline.Media.Captions;

namespace VideoPipeline.Tests.Media.Captions;

public class WordAlignerTests
{
    private const int Precision = 6;

    [Fact]
    public void Align_exact_recognition_takes_recognized_times()
    {
        var result = WordAligner.Align(["Hello,", "world."], [W("hello", 0.5, 0.9), W("world", 1.0, 1.4)], 0, 2);

        Assert.Equal(new TimedWord("Hello,", 0.5, 0.9, true), result.Words[0]);
        Assert.Equal(new TimedWord("world.", 1.0, 1.4, true), result.Words[1]);
        Assert.Equal(1.0, result.MatchedRatio);
    }

    [Fact]
    public void Align_substituted_words_take_times_of_the_words_heard_in_their_place()
    {
        var result = WordAligner.Align(
            ["Enjoy", "your", "morning."],
            [W("enjoy", 0, 0.4), W("their", 0.5, 0.7), W("mining", 0.8, 1.3)],
            0,
            2);

        Assert.Equal(new TimedWord("your", 0.5, 0.7, false), result.Words[1]);
        Assert.Equal(new TimedWord("morning.", 0.8, 1.3, false), result.Words[2]);
        Assert.Equal(1.0 / 3, result.MatchedRatio, Precision);
    }

    [Fact]
    public void Align_near_equal_spelling_counts_as_matched()
    {
        var result = WordAligner.Align(["colour"], [W("color", 0.2, 0.6)], 0, 1);

        Assert.True(result.Words[0].Matched);
    }

    [Fact]
    public void Align_extra_recognized_words_are_skipped()
    {
        var result = WordAligner.Align(
            ["hello", "world"],
            [W("hello", 0, 0.3), W("um", 0.4, 0.5), W("uh", 0.6, 0.7), W("world", 0.8, 1.2)],
            0,
            2);

        Assert.Equal(new TimedWord("world", 0.8, 1.2, true), result.Words[1]);
    }

    [Fact]
    public void Align_words_the_recognizer_missed_share_the_gap_by_character_length()
    {
        var result = WordAligner.Align(
            ["the", "quick", "brownie", "fox"],
            [W("the", 0, 0.2), W("fox", 1.4, 1.6)],
            0,
            2);

        Assert.Equal(0.2, result.Words[1].Start, Precision);
        Assert.Equal(0.7, result.Words[1].End, Precision);
        Assert.Equal(0.7, result.Words[2].Start, Precision);
        Assert.Equal(1.4, result.Words[2].End, Precision);
        Assert.False(result.Words[1].Matched);
        Assert.Equal(0.5, result.MatchedRatio);
    }

    [Fact]
    public void Align_script_number_matches_recognizer_number_words()
    {
        var result = WordAligner.Align(
            ["Save", "50%", "today"],
            [W("save", 0, 0.3), W("fifty", 0.4, 0.7), W("percent", 0.7, 1.1), W("today", 1.2, 1.5)],
            0,
            2);

        Assert.Equal(new TimedWord("50%", 0.4, 1.1, true), result.Words[1]);
    }

    [Fact]
    public void Align_recognized_digits_match_script_number_words_and_split_their_time()
    {
        var result = WordAligner.Align(["fifty", "percent"], [W("50%", 0, 1.2)], 0, 2);

        Assert.Equal(0.5, result.Words[0].End, Precision);
        Assert.Equal(0.5, result.Words[1].Start, Precision);
        Assert.Equal(1.0, result.MatchedRatio);
    }

    [Fact]
    public void Align_pocketsphinx_markers_and_alternate_pronunciations_are_understood()
    {
        var result = WordAligner.Align(
            ["Look", "around"],
            [W("<s>", 0, 0.1), W("look", 0.1, 0.4), W("<sil>", 0.4, 0.6), W("around(2)", 0.6, 1.0), W("</s>", 1.0, 1.1)],
            0,
            2);

        Assert.Equal(new TimedWord("around", 0.6, 1.0, true), result.Words[1]);
        Assert.Equal(1.0, result.MatchedRatio);
    }

    [Fact]
    public void Align_nothing_recognized_spreads_words_over_the_speech_span_by_length()
    {
        var result = WordAligner.Align(["a", "bbb"], [], 1, 5);

        Assert.Equal(new TimedWord("a", 1, 2, false), result.Words[0]);
        Assert.Equal(new TimedWord("bbb", 2, 5, false), result.Words[1]);
        Assert.Equal(0, result.MatchedRatio);
    }

    [Fact]
    public void Align_word_without_spoken_tokens_is_timed_between_its_neighbours()
    {
        var result = WordAligner.Align(["Wait", "—", "what"], [W("wait", 0, 0.5), W("what", 1.0, 1.5)], 0, 2);

        Assert.Equal(new TimedWord("—", 0.5, 1.0, false), result.Words[1]);
        Assert.Equal(1.0, result.MatchedRatio);
    }

    [Fact]
    public void Align_disordered_and_out_of_span_times_come_out_monotonic_and_clamped()
    {
        var result = WordAligner.Align(
            ["one", "two", "three", "four"],
            [W("one", 1.0, 1.5), W("two", 0.2, 1.2), W("three", 2.0, 9.0), W("four", 1.8, 1.9)],
            0.5,
            3);

        for (var i = 0; i < result.Words.Count; i++)
        {
            var word = result.Words[i];
            Assert.InRange(word.Start, 0.5, 3);
            Assert.InRange(word.End, word.Start, 3);
            if (i > 0)
            {
                Assert.True(word.Start >= result.Words[i - 1].End, $"word {i} starts before word {i - 1} ends");
            }
        }
    }

    [Fact]
    public void Align_empty_script_gives_no_words()
    {
        var result = WordAligner.Align([], [W("hello", 0, 1)], 0, 1);

        Assert.Empty(result.Words);
        Assert.Equal(0, result.MatchedRatio);
    }

    [Fact]
    public void Align_speech_end_before_start_throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WordAligner.Align(["a"], [], 2, 1));

        Assert.Equal("speechEnd", error.ParamName);
    }

    private static TranscriptWord W(string word, double start, double end) => new(word, start, end);
}
