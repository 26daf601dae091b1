using VideoPipeline.Providers.Offline.Planning;

namespace VideoPipeline.Tests.Providers.Offline.Planning;

public sealed class PromptParserTests
{
    [Fact]
    public void Parse_coffeePrompt_findsAdSubjectAndTheme()
    {
        var parts = PromptParser.Parse(PlannerTestData.CoffeePrompt);

        Assert.Equal(VideoFormat.Ad, parts.Format);
        Assert.Equal("a new coffee brand", parts.Subject);
        Assert.Equal("morning routine", parts.Theme);
    }

    [Theory]
    [InlineData("A 30-second ad for a new coffee brand")]
    [InlineData("A thirty second commercial for running shoes")]
    [InlineData("A 1.5-minute promo for a bakery")]
    [InlineData("A 45s ad for tea")]
    public void Parse_durationWords_areRemovedFromText(string prompt)
    {
        var text = PromptParser.Parse(prompt).Text;

        Assert.DoesNotMatch(@"\d|second|minute|\b45s\b|thirty", text);
    }

    [Fact]
    public void Parse_aSecondChance_isNotTakenForADuration()
    {
        Assert.Contains("second chance", PromptParser.Parse("A story about a second chance").Subject, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A commercial for running shoes", "Ad")]
    [InlineData("Quick promo showing our new app", "Ad")]
    [InlineData("How to make cold brew coffee", "Tutorial")]
    [InlineData("An explainer on solar panels", "Tutorial")]
    [InlineData("A short film about a lonely robot", "Story")]
    [InlineData("The story of our founders", "Story")]
    [InlineData("Honey bees and their hives", "Documentary")]
    [InlineData("An ad that tells the story of our founders", "Ad")]
    public void Parse_formatWords_pickTheFormatThatAppearsFirst(string prompt, string format)
    {
        // VideoFormat is internal, so the theory carries its name.
        Assert.Equal(format, PromptParser.Parse(prompt).Format.ToString());
    }

    [Fact]
    public void Parse_howToTask_keepsWholeTaskAsSubject()
    {
        var parts = PromptParser.Parse("A tutorial on how to make coffee with a french press for beginners");

        Assert.Equal("how to make coffee with a french press", parts.Subject);
        Assert.Equal("beginners", parts.Audience);
    }

    [Fact]
    public void Parse_whoClause_becomesPlot()
    {
        var parts = PromptParser.Parse("A short film about a lonely robot who finds a friend");

        Assert.Equal(("a lonely robot", "finds a friend"), (parts.Subject, parts.Plot));
    }

    [Fact]
    public void Parse_themeConnectorRightAfterFormat_makesRestTheTheme()
    {
        var parts = PromptParser.Parse("An ad showing a family enjoying pizza");

        Assert.Equal("a family enjoying pizza", parts.Theme);
    }

    [Theory]
    [InlineData("A 30-second ad")]
    [InlineData("A fun promo video")]
    public void Parse_formatOnlyPrompt_hasEmptySubject(string prompt)
    {
        Assert.Equal("", PromptParser.Parse(prompt).Subject);
    }

    [Fact]
    public void Parse_subjectBeforeFormatNoun_dropsTheFormatNoun()
    {
        Assert.Equal("A coffee", PromptParser.Parse("A coffee ad").Subject);
    }

    [Theory]
    [InlineData("An ad for Zuvora sparkling water", "zuvora")]
    [InlineData("An ad for the iPhone 15", "iphone")]
    [InlineData("An ad for the iPhone 15", "15")]
    [InlineData("A promo for our AI assistant", "ai")]
    public void Parse_brandLikeWords_areFlagged(string prompt, string brand)
    {
        Assert.Contains(brand, PromptParser.Parse(prompt).BrandWords);
    }

    [Theory]
    [InlineData("Coffee Ad For Morning People")]
    [InlineData("AN AD FOR COFFEE")]
    [InlineData("An ad for coffee. Show a sunrise.")]
    public void Parse_titleCaseCapitalsOrSentenceStarts_areNotBrands(string prompt)
    {
        Assert.Empty(PromptParser.Parse(prompt).BrandWords);
    }
}
