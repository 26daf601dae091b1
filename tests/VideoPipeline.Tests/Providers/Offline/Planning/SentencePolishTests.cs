using VideoPipeline.Providers.Offline.Planning;

namespace VideoPipeline.Tests.Providers.Offline.Planning;

public sealed class SentencePolishTests
{
    [Theory]
    [InlineData("meet our new new coffee", "Meet our new coffee.")]
    [InlineData("a apple a day", "An apple a day.")]
    [InlineData("an banana and an hour", "A banana and an hour.")]
    [InlineData("a useful tool", "A useful tool.")]
    [InlineData("hello ,  world . again", "Hello, world. Again.")]
    [InlineData("is it here?", "Is it here?")]
    [InlineData("meet a the dog", "Meet the dog.")]
    public void Polish_filledTemplate_fixesArticlesRepeatsSpacingAndCase(string text, string polished)
    {
        Assert.Equal(polished, SentencePolish.Polish(text));
    }

    [Fact]
    public void Polish_description_isNotClosedWithAFullStop()
    {
        Assert.Equal("Wide shot of a kitchen", SentencePolish.Polish("wide shot of a kitchen", closeSentence: false));
    }

    [Fact]
    public void Fill_missingSlot_skipsTheTemplate()
    {
        Assert.Null(TemplateText.Fill("Picture {theme}.", new Dictionary<string, string?> { ["theme"] = null }));
    }

    [Fact]
    public void Fill_allSlots_fillsAndPolishes()
    {
        Assert.Equal("Our new coffee is here.", TemplateText.Fill("{product} {is} here.", new Dictionary<string, string?> { ["product"] = "our new coffee", ["is"] = "is" }));
    }
}
