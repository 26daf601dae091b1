using VideoPipeline.Providers.Offline;
using VideoPipeline.Providers.Offline.Planning;

namespace VideoPipeline.Tests.Providers.Offline.Planning;

public sealed class VisualStyleRulesTests
{
    [Theory]
    [InlineData("An ad for a new coffee brand", ColorPalettes.EarthTones)]
    [InlineData("A promo for a budgeting app", ColorPalettes.CoolBlues)]
    [InlineData("A documentary about the forest", ColorPalettes.Greens)]
    [InlineData("An ad for a luxury watch", ColorPalettes.BlackGold)]
    [InlineData("A fun video for kids", ColorPalettes.Vibrant)]
    [InlineData("A video about hope", ColorPalettes.Neutral)]
    public void For_subjectWords_pickPalette(string prompt, string palette)
    {
        Assert.Equal(palette, VisualStyleRules.For(PromptParser.Parse(prompt), "professional").ColorPalette);
    }

    [Fact]
    public void For_subjectAndThemeDisagree_subjectWins()
    {
        var style = VisualStyleRules.For(PromptParser.Parse("An ad for a coffee brand featuring a tech startup"), "professional");

        Assert.Equal(ColorPalettes.EarthTones, style.ColorPalette);
    }

    [Theory]
    [InlineData("A night in the office", "low_key")]
    [InlineData("A morning in the office", "warm")]
    [InlineData("A sunset on the beach", "golden")]
    public void For_timeWords_beatPlaceWords(string prompt, string lighting)
    {
        Assert.Equal(lighting, VisualStyleRules.For(PromptParser.Parse(prompt), "professional").Lighting);
    }

    [Theory]
    [InlineData("cinematic", "dramatic")]
    [InlineData("professional", "soft")]
    [InlineData("unheard-of", "neutral")]
    public void For_noLightingWords_usesStyle(string style, string lighting)
    {
        Assert.Equal(lighting, VisualStyleRules.For(PromptParser.Parse("A video about hope"), style).Lighting);
    }

    [Fact]
    public void For_noPaletteWords_usesStyle()
    {
        Assert.Equal(ColorPalettes.BlackGold, VisualStyleRules.For(PromptParser.Parse("A video about hope"), "luxury").ColorPalette);
    }
}
