using VideoPipeline.Media.Captions;

namespace VideoPipeline.Tests.Media.Captions;

public class WordErrorRateTests
{
    [Fact]
    public void Compute_identical_text_is_zero()
    {
        Assert.Equal(0, WordErrorRate.Compute("the quick brown fox", "the quick brown fox"));
    }

    [Fact]
    public void Compute_ignores_case_and_punctuation()
    {
        Assert.Equal(0, WordErrorRate.Compute("Hello, World! It's me.", "hello world it's me"));
    }

    [Fact]
    public void Compute_written_numbers_equal_spoken_numbers()
    {
        Assert.Equal(0, WordErrorRate.Compute("Save 50% on 2 items", "save fifty percent on two items"));
    }

    [Fact]
    public void Compute_ignores_markdown_in_the_script()
    {
        Assert.Equal(0, WordErrorRate.Compute("**Big** news\n\n---\n\nSee [us](https://x.com)", "big news see us"));
    }

    [Fact]
    public void Compute_one_substitution_in_four_words_is_a_quarter()
    {
        Assert.Equal(0.25, WordErrorRate.Compute("the quick brown fox", "the quick crown fox"));
    }

    [Fact]
    public void Compute_deletion_and_insertion_each_count_once()
    {
        Assert.Equal(0.5, WordErrorRate.Compute("one two three four", "one three four five"));
    }

    [Fact]
    public void Compute_many_inserted_words_can_exceed_one()
    {
        Assert.Equal(4, WordErrorRate.Compute("hi", "oh my oh my"));
    }

    [Fact]
    public void Compute_pocketsphinx_alternates_and_markers_are_normalized()
    {
        Assert.Equal(0, WordErrorRate.Compute("look around", "<s> look <sil> around(2) </s>"));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("---", "", 0)]
    [InlineData("", "noise", 1)]
    public void Compute_empty_reference_is_zero_only_against_empty_hypothesis(string reference, string hypothesis, double expected)
    {
        Assert.Equal(expected, WordErrorRate.Compute(reference, hypothesis));
    }
}
