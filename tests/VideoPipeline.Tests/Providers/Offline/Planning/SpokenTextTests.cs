using VideoPipeline.Providers.Offline.Planning;

namespace VideoPipeline.Tests.Providers.Offline.Planning;

public sealed class SpokenTextTests
{
    private static readonly HashSet<string> NoBrands = [];

    [Theory]
    [InlineData("3 flavors", "three flavors")]
    [InlineData("42 tips", "forty two tips")]
    [InlineData("100 days", "one hundred days")]
    [InlineData("salt & pepper", "salt and pepper")]
    [InlineData("50% off", "fifty percent off")]
    [InlineData("pour-over coffee", "pour over coffee")]
    [InlineData("Kids' Toys!", "kids toys")]
    [InlineData("don't stop, it's fine", "do not stop it is fine")]
    [InlineData("café crème", "cafe creme")]
    public void Clean_text_givesLowerCaseWordsOnly(string text, string spoken)
    {
        Assert.Equal(spoken, SpokenText.Clean(text, NoBrands));
    }

    [Theory]
    [InlineData("12345 steps", "steps")]
    [InlineData("version 2.5 update", "version update")]
    [InlineData("a 2-in-1 shampoo", "a shampoo")]
    public void Clean_numbersWithoutPlainSpokenForm_areLeftOut(string text, string spoken)
    {
        Assert.Equal(spoken, SpokenText.Clean(text, NoBrands));
    }

    [Fact]
    public void Clean_brandWords_areLeftOutWithoutDanglingPreposition()
    {
        var spoken = SpokenText.Clean("Zuvora water across North America", new HashSet<string> { "zuvora", "north", "america" });

        Assert.Equal("water", spoken);
    }

    [Theory]
    [InlineData(0, "zero")]
    [InlineData(13, "thirteen")]
    [InlineData(70, "seventy")]
    [InlineData(999, "nine hundred ninety nine")]
    public void Spell_smallNumber_givesWords(int number, string words)
    {
        Assert.Equal(words, NumberWords.Spell(number));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1000)]
    public void Spell_outOfRange_givesNull(int number)
    {
        Assert.Null(NumberWords.Spell(number));
    }
}
