using VideoPipeline.Media.Captions;

namespace VideoPipeline.Tests.Media.Captions;

public class SpokenFormTests
{
    [Theory]
    [InlineData("Hello,", "hello")]
    [InlineData("\"Why?\"", "why")]
    [InlineData("(world)", "world")]
    [InlineData("students'", "students")]
    public void Tokens_surrounding_punctuation_is_stripped_and_case_lowered(string word, string expected)
    {
        Assert.Equal(new[] { expected }, SpokenForm.Tokens(word));
    }

    [Theory]
    [InlineData("It's", "it's")]
    [InlineData("don't!", "don't")]
    [InlineData("Don’t", "don't")]
    public void Tokens_inner_apostrophes_are_kept(string word, string expected)
    {
        Assert.Equal(new[] { expected }, SpokenForm.Tokens(word));
    }

    [Theory]
    [InlineData("0", "zero")]
    [InlineData("7", "seven")]
    [InlineData("13", "thirteen")]
    [InlineData("50", "fifty")]
    [InlineData("115", "one hundred fifteen")]
    [InlineData("1,234", "one thousand two hundred thirty four")]
    [InlineData("999,999", "nine hundred ninety nine thousand nine hundred ninety nine")]
    [InlineData("1000000", "one million")]
    public void Tokens_numbers_become_cardinal_words(string word, string expected)
    {
        Assert.Equal(expected.Split(' '), SpokenForm.Tokens(word));
    }

    [Theory]
    [InlineData("1999", "nineteen ninety nine")]
    [InlineData("2026", "twenty twenty six")]
    [InlineData("1905", "nineteen oh five")]
    [InlineData("1500", "fifteen hundred")]
    [InlineData("2005", "two thousand five")]
    public void Tokens_four_digit_numbers_read_as_years(string word, string expected)
    {
        Assert.Equal(expected.Split(' '), SpokenForm.Tokens(word));
    }

    [Theory]
    [InlineData("2.5", "two point five")]
    [InlineData("3.14", "three point one four")]
    [InlineData("0.75", "zero point seven five")]
    public void Tokens_decimals_read_digits_after_the_point(string word, string expected)
    {
        Assert.Equal(expected.Split(' '), SpokenForm.Tokens(word));
    }

    [Theory]
    [InlineData("50%", "fifty percent")]
    [InlineData("2.5%", "two point five percent")]
    [InlineData("%", "percent")]
    public void Tokens_percent_sign_is_read_as_percent(string word, string expected)
    {
        Assert.Equal(expected.Split(' '), SpokenForm.Tokens(word));
    }

    [Theory]
    [InlineData("$5", "five dollars")]
    [InlineData("$1", "one dollar")]
    [InlineData("$2.50", "two dollars fifty")]
    [InlineData("€20", "twenty euros")]
    public void Tokens_currency_amounts_name_the_currency(string word, string expected)
    {
        Assert.Equal(expected.Split(' '), SpokenForm.Tokens(word));
    }

    [Theory]
    [InlineData("&", "and")]
    [InlineData("R&D", "r and d")]
    public void Tokens_ampersand_is_read_as_and(string word, string expected)
    {
        Assert.Equal(expected.Split(' '), SpokenForm.Tokens(word));
    }

    [Theory]
    [InlineData("1st", "first")]
    [InlineData("2nd", "second")]
    [InlineData("3rd", "third")]
    [InlineData("12th", "twelfth")]
    [InlineData("22nd", "twenty second")]
    [InlineData("40th", "fortieth")]
    public void Tokens_ordinals_become_ordinal_words(string word, string expected)
    {
        Assert.Equal(expected.Split(' '), SpokenForm.Tokens(word));
    }

    [Theory]
    [InlineData("well-known", "well known")]
    [InlineData("state-of-the-art", "state of the art")]
    [InlineData("24/7", "twenty four seven")]
    public void Tokens_hyphens_and_slashes_split_words(string word, string expected)
    {
        Assert.Equal(expected.Split(' '), SpokenForm.Tokens(word));
    }

    [Fact]
    public void Tokens_dotted_abbreviation_is_spelled_out()
    {
        Assert.Equal("u|s", string.Join('|', SpokenForm.Tokens("U.S.")));
    }

    [Fact]
    public void Tokens_letters_and_digits_split_into_runs()
    {
        Assert.Equal("mp|four", string.Join('|', SpokenForm.Tokens("MP4")));
    }

    [Fact]
    public void Tokens_non_ascii_words_are_kept()
    {
        Assert.Equal("café", Assert.Single(SpokenForm.Tokens("Café!")));
    }

    [Theory]
    [InlineData("—")]
    [InlineData("...")]
    [InlineData("")]
    public void Tokens_punctuation_alone_gives_no_tokens(string word)
    {
        Assert.Empty(SpokenForm.Tokens(word));
    }

    [Theory]
    [InlineData("around(2)", "around")]
    [InlineData("HELLO", "hello")]
    [InlineData(" World ", "world")]
    public void NormalizeRecognized_lowercases_and_strips_alternate_pronunciation_suffix(string word, string expected)
    {
        Assert.Equal(expected, SpokenForm.NormalizeRecognized(word));
    }

    [Theory]
    [InlineData("<sil>")]
    [InlineData("<s>")]
    [InlineData("[NOISE]")]
    [InlineData("++BREATH++")]
    public void NormalizeRecognized_silence_and_noise_markers_become_empty(string word)
    {
        Assert.Equal("", SpokenForm.NormalizeRecognized(word));
    }
}
