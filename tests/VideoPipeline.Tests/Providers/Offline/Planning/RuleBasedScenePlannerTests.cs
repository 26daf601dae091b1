using System.Text.RegularExpressions;
using VideoPipeline.Providers;
using VideoPipeline.Providers.Offline;
using VideoPipeline.Providers.Offline.Planning;
using VideoPipeline.Serialization;
using static VideoPipeline.Tests.Providers.Offline.Planning.PlannerTestData;

namespace VideoPipeline.Tests.Providers.Offline.Planning;

public sealed class RuleBasedScenePlannerTests
{
    [Fact]
    public async Task PlanAsync_coffeeAdPrompt_givesSixFiveSecondScenesSummingToThirty()
    {
        var plan = await new RuleBasedScenePlanner().PlanAsync(
            new PlanRequest { Prompt = CoffeePrompt, DurationSeconds = 30 }, CancellationToken.None);

        Assert.Equal(6, plan.Scenes.Count);
        Assert.All(plan.Scenes, s => Assert.Equal(5.0, s.DurationSeconds));
        Assert.Equal(30.0, plan.TotalDurationSeconds);
        Assert.Equal([1, 2, 3, 4, 5, 6], plan.Scenes.Select(s => s.SceneNumber));
    }

    [Fact]
    public void Plan_coffeeAdPrompt_matchesSeedSceneShape()
    {
        var first = Plan(CoffeePrompt, 30).Scenes[0];

        // Seed 002's example scene: a person pouring coffee, warm light, earth tones.
        Assert.Contains(first.Entities, e => e is { Type: "person", Position: "center", Action: "pouring_coffee" });
        Assert.Equal("warm", first.VisualStyle.Lighting);
        Assert.Equal(ColorPalettes.EarthTones, first.VisualStyle.ColorPalette);
        Assert.Contains("kitchen", first.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Plan_coffeeAdPrompt_narratesProductAndThemeWithoutBrandWord()
    {
        var narration = string.Join(' ', Plan(CoffeePrompt, 30).Scenes.Select(s => s.Narration));

        Assert.Contains("our new coffee", narration, StringComparison.Ordinal);
        Assert.Contains("your morning routine", narration, StringComparison.Ordinal);
        Assert.DoesNotContain("brand", narration, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Plan_coffeeAdPrompt_narrationMatchesGolden()
    {
        // A golden copy: any template or selection change shows up here as a readable diff.
        string[] expected =
        [
            "Every morning starts the same way. You know the feeling.",
            "Mornings can feel rushed. Life moves fast.",
            "Say hello to our new coffee. It is finally here.",
            "Rich and full of flavor. Enjoy every moment.",
            "It fits right into your morning routine.",
            "Try our new coffee today.",
        ];

        Assert.Equal(expected, Plan(CoffeePrompt, 30).Scenes.Select(s => s.Narration));
    }

    [Fact]
    public void Plan_anyRequest_recordsPlannerName()
    {
        Assert.Equal("rule-based/1", Plan(CoffeePrompt, 30).Planner);
        Assert.Equal("rule-based/1", new RuleBasedScenePlanner().Name);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(45)]
    [InlineData(600)]
    [InlineData(12.3)]
    [InlineData(0.3)]
    public void Plan_tenthsDuration_sceneDurationsSumExactlyInTenths(double duration)
    {
        var plan = Plan(CoffeePrompt, duration);

        var tenths = plan.Scenes.Select(s => s.DurationSeconds * 10).ToList();
        Assert.All(tenths, t => Assert.Equal(Math.Round(t), t, 9));
        Assert.Equal((long)Math.Round(duration * 10), tenths.Sum(t => (long)Math.Round(t)));
    }

    [Theory]
    [InlineData(7.25)]
    [InlineData(33.37)]
    [InlineData(599.99)]
    public void Plan_durationNotMultipleOfTenth_sumStillMatchesRequest(double duration)
    {
        var plan = Plan(CoffeePrompt, duration);

        Assert.Equal(duration, plan.Scenes.Sum(s => s.DurationSeconds), 1e-9);
        Assert.Contains(plan.Warnings, w => w.Contains("multiple of 0.1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(33.37)]
    [InlineData(599.99)]
    public void Plan_durationNotMultipleOfTenth_onlyLastSceneTakesTheSliver(double duration)
    {
        var scenes = Plan(CoffeePrompt, duration).Scenes;

        Assert.All(scenes.SkipLast(1), s => Assert.Equal(Math.Round(s.DurationSeconds * 10), s.DurationSeconds * 10, 9));
        Assert.NotEqual(Math.Round(scenes[^1].DurationSeconds * 10), scenes[^1].DurationSeconds * 10, 6);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 1)]
    [InlineData(7.5, 2)]
    [InlineData(30, 6)]
    [InlineData(45, 9)]
    [InlineData(100, 20)]
    [InlineData(600, 20)]
    public void Plan_duration_usesSceneCountRule(double duration, int expectedScenes)
    {
        Assert.Equal(expectedScenes, Plan(CoffeePrompt, duration).Scenes.Count);
    }

    [Theory]
    [MemberData(nameof(PromptsByDuration), MemberType = typeof(PlannerTestData))]
    public void Plan_generatedNarration_staysWithinWordBudget(string prompt, double duration)
    {
        foreach (var scene in Plan(prompt, duration).Scenes)
        {
            var words = scene.Narration.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.True(words <= Math.Floor(scene.DurationSeconds * 2.3), $"scene {scene.SceneNumber} ({scene.DurationSeconds} s) has {words} words: {scene.Narration}");
        }
    }

    [Theory]
    [MemberData(nameof(PromptsByDuration), MemberType = typeof(PlannerTestData))]
    public void Plan_generatedNarration_everySceneHasASentence(string prompt, double duration)
    {
        Assert.All(Plan(prompt, duration).Scenes, s => Assert.Matches(@"^[A-Z].*[.!?]$", s.Narration));
    }

    [Theory]
    [MemberData(nameof(PromptsByDuration), MemberType = typeof(PlannerTestData))]
    public void Plan_generatedNarration_hasOnlyLettersAndPlainPunctuation(string prompt, double duration)
    {
        Assert.All(Plan(prompt, duration).Scenes, s => Assert.Matches(@"^[A-Za-z ,.!?]+$", s.Narration));
    }

    [Theory]
    [MemberData(nameof(AllPrompts), MemberType = typeof(PlannerTestData))]
    public void Plan_generatedNarration_hasNoDoubledWordsOrWrongArticles(string prompt)
    {
        foreach (var scene in Plan(prompt, 90).Scenes)
        {
            Assert.DoesNotMatch(new Regex(@"\b(\w+) \1\b", RegexOptions.IgnoreCase), scene.Narration);
            Assert.DoesNotMatch(new Regex(@"\ba [aeiou]|\ban [^aeiou ]", RegexOptions.IgnoreCase), scene.Narration);
        }
    }

    [Theory]
    [InlineData("A 30-second ad for a new coffee brand showing morning routine")]
    [InlineData("A thirty second commercial for running shoes")]
    [InlineData("A 1.5 minute tutorial on how to bake bread")]
    public void Plan_durationWordsInPrompt_doNotReachNarration(string prompt)
    {
        var narration = string.Join(' ', Plan(prompt, 30).Scenes.Select(s => s.Narration));

        Assert.DoesNotMatch(new Regex(@"\b(second|seconds|minute|thirty|one|five)\b", RegexOptions.IgnoreCase), narration);
    }

    [Fact]
    public void Plan_brandNameInPrompt_isLeftOutOfNarrationAndWarned()
    {
        var plan = Plan("Product launch video for Zuvora sparkling water with 3 flavors", 30);

        Assert.All(plan.Scenes, s => Assert.DoesNotContain("Zuvora", s.Narration, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(plan.Scenes, s => s.Narration.Contains("our sparkling water", StringComparison.Ordinal));
        Assert.Contains(plan.Warnings, w => w.Contains("zuvora", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PromptsByDuration), MemberType = typeof(PlannerTestData))]
    public void Plan_consecutiveScenes_neverRepeatASentence(string prompt, double duration)
    {
        var scenes = Plan(prompt, duration).Scenes;
        for (var i = 1; i < scenes.Count; i++)
        {
            var shared = Sentences(scenes[i].Narration).Intersect(Sentences(scenes[i - 1].Narration)).ToList();
            Assert.True(shared.Count == 0, $"scenes {i} and {i + 1} both say: {string.Join(" | ", shared)}");
        }
    }

    [Theory]
    [MemberData(nameof(PromptsByDuration), MemberType = typeof(PlannerTestData))]
    public void Plan_descriptions_areNonEmptyAndDistinct(string prompt, double duration)
    {
        var descriptions = Plan(prompt, duration).Scenes.Select(s => s.Description).ToList();

        Assert.All(descriptions, d => Assert.False(string.IsNullOrWhiteSpace(d)));
        Assert.Equal(descriptions.Count, descriptions.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(AllPrompts), MemberType = typeof(PlannerTestData))]
    public void Plan_sameRequestTwice_serializesIdentically(string prompt)
    {
        var first = PipelineJson.Serialize(Plan(prompt, 45));
        var second = PipelineJson.Serialize(new RuleBasedScenePlanner().Plan(new PlanRequest { Prompt = prompt, DurationSeconds = 45 }));

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(PromptsByDuration), MemberType = typeof(PlannerTestData))]
    public void Plan_concretePrompt_everySceneHasAnEntity(string prompt, double duration)
    {
        if (prompt is "hope" or "A 30-second ad")
        {
            return;
        }

        Assert.All(Plan(prompt, duration).Scenes, s => Assert.NotEmpty(s.Entities));
    }

    [Fact]
    public void Plan_promptNamingNothingConcrete_warnsAndStillPlans()
    {
        var plan = Plan("hope", 20);

        Assert.Equal(4, plan.Scenes.Count);
        Assert.Contains(plan.Warnings, w => w.Contains("nothing the planner knows how to show", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllPrompts), MemberType = typeof(PlannerTestData))]
    public void Plan_anyPrompt_usesKnownPaletteNames(string prompt)
    {
        Assert.All(Plan(prompt, 30).Scenes, s => Assert.Contains(s.VisualStyle.ColorPalette, ColorPalettes.Names));
    }

    [Theory]
    [InlineData("A night drive through the city", "low_key")]
    [InlineData("A sunrise yoga session", "warm")]
    [InlineData("A day at the office", "bright")]
    [InlineData("A walk in the park", "natural")]
    public void Plan_timeOrPlaceWords_setLighting(string prompt, string lighting)
    {
        Assert.Equal(lighting, Plan(prompt, 10).Scenes[0].VisualStyle.Lighting);
    }

    [Fact]
    public void Plan_stylePreferences_overrideLightingAndPalette()
    {
        var plan = new RuleBasedScenePlanner().Plan(new PlanRequest
        {
            Prompt = CoffeePrompt,
            DurationSeconds = 10,
            StylePreferences = new Dictionary<string, string> { ["lighting"] = "low_key", ["color_palette"] = "greens" },
        });

        Assert.All(plan.Scenes, s => Assert.Equal(("low_key", "greens"), (s.VisualStyle.Lighting, s.VisualStyle.ColorPalette)));
    }

    [Fact]
    public void Plan_unknownPalettePreference_keepsDerivedPaletteAndWarns()
    {
        var plan = new RuleBasedScenePlanner().Plan(new PlanRequest
        {
            Prompt = CoffeePrompt,
            DurationSeconds = 10,
            StylePreferences = new Dictionary<string, string> { ["color_palette"] = "plaid" },
        });

        Assert.All(plan.Scenes, s => Assert.Equal(ColorPalettes.EarthTones, s.VisualStyle.ColorPalette));
        Assert.Contains(plan.Warnings, w => w.Contains("plaid", StringComparison.Ordinal));
    }
}
