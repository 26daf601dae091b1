using VideoPipeline.Domain;
using VideoPipeline.Providers.Offline.Planning;
using static VideoPipeline.Tests.Providers.Offline.Planning.PlannerTestData;

namespace VideoPipeline.Tests.Providers.Offline.Planning;

public sealed class OverlaySuggestionTests
{
    [Fact]
    public void Plan_coffeeAd_suggestsTryItTodayAboutOneSecondIntoLastScene()
    {
        var plan = Plan(CoffeePrompt, 30);

        var overlay = Assert.Single(plan.SuggestedOverlays);
        Assert.Equal((EditingInstruction.TextOverlay, "Try it today!"), (overlay.Type, overlay.Text));
        Assert.Equal(26.0, overlay.Timestamp, 9);
    }

    [Theory]
    [InlineData("A 30-second ad for a new coffee brand showing morning routine")]
    [InlineData("A documentary about honey bees")]
    public void Plan_suggestedOverlays_sitAtTheTopClearOfTitleAndCaptions(string prompt)
    {
        var plan = Plan(prompt, 30);

        Assert.All(plan.SuggestedOverlays, o => Assert.Equal("top", o.Position));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7.25)]
    [InlineData(30)]
    [InlineData(600)]
    public void Plan_adCallToAction_staysInsideLastSceneAndEndsBeforeVideo(double duration)
    {
        var plan = Plan(CoffeePrompt, duration);

        var overlay = Assert.Single(plan.SuggestedOverlays);
        Assert.True(overlay.Timestamp >= plan.StartOf(plan.Scenes[^1].SceneNumber), $"starts at {overlay.Timestamp}");
        Assert.True(overlay.Duration > 0);
        Assert.True(overlay.Timestamp + overlay.Duration!.Value <= duration - 0.2 + 1e-9, $"ends at {overlay.Timestamp + overlay.Duration}");
    }

    [Fact]
    public void Plan_veryShortAd_suggestsNoOverlayRatherThanOneThatOverruns()
    {
        Assert.Empty(Plan(CoffeePrompt, 0.5).SuggestedOverlays);
    }

    [Theory]
    [InlineData("A documentary about honey bees", "Honey Bees")]
    [InlineData("How to make cold brew coffee at home", "How to Make Cold Brew Coffee at Home")]
    [InlineData("A short film about a lonely robot who finds a friend", "Lonely Robot")]
    public void Plan_nonAdPrompt_suggestsTitleOverFirstScene(string prompt, string title)
    {
        var plan = Plan(prompt, 30);

        var overlay = Assert.Single(plan.SuggestedOverlays);
        Assert.Equal(title, overlay.Text);
        Assert.True(overlay.Timestamp + overlay.Duration!.Value <= plan.Scenes[0].DurationSeconds);
    }

    [Fact]
    public void Plan_longSubject_titleIsAtMostFortyCharacters()
    {
        var plan = Plan("A documentary about the extraordinary migration of monarch butterflies across North America", 30);

        var title = Assert.Single(plan.SuggestedOverlays).Text!;
        Assert.InRange(title.Length, 1, 40);
        Assert.StartsWith("Extraordinary Migration", title, StringComparison.Ordinal);
    }
}
