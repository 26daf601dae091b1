using static VideoPipeline.Tests.Providers.Offline.Planning.PlannerTestData;

namespace VideoPipeline.Tests.Providers.Offline.Planning;

public sealed class RuleBasedScenePlannerScriptTests
{
    private const string CoffeeScript =
        "Every morning I grab a cup of coffee before work. It is quick, it is easy, and it tastes great. "
        + "But last week something changed. I tried a new blend from a small farm in the mountains, and honestly, "
        + "I have not looked back since. The flavor is rich and smooth. My kitchen smells amazing. "
        + "If you love coffee, you have to try it.";

    [Theory]
    [InlineData(CoffeeScript, 30)]
    [InlineData(CoffeeScript, 7)]
    [InlineData(CoffeeScript, 600)]
    [InlineData("One long sentence without any stops that just keeps going and going, with a comma here and there, and then a few conjunctions so it can split", 20)]
    [InlineData("Hi.\n\nThis   has odd   spacing,\tand tabs. It's 50% off until 5pm!", 12)]
    [InlineData("Short.", 30)]
    public void Plan_script_narrationKeepsEveryWordInOrder(string script, double duration)
    {
        var plan = Plan("A video about coffee", duration, script);

        var narrated = plan.Scenes.SelectMany(s => s.Narration.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(script.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), narrated);
    }

    [Fact]
    public void Plan_scriptWithOneSentencePerScene_cutsAtSentenceEnds()
    {
        const string script = "The sun rises over the hills. A farmer opens the barn door. The cows walk out slowly. "
            + "Birds sing in the old oak tree. The farmer pours a cup of coffee. The day has begun.";

        var narration = Plan("A story about a farm", 30, script).Scenes.Select(s => s.Narration).ToList();

        Assert.Equal(6, narration.Count);
        Assert.All(narration, n => Assert.EndsWith(".", n, StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_scriptWithShortSentences_mergesThemIntoFewerScenesWorth()
    {
        const string script = "Wake up. Stretch. Breathe. Make coffee. Smile. Go. Then walk the dog around the quiet block before work.";

        var narration = Plan("A video about mornings", 10, script).Scenes.Select(s => s.Narration).ToList();

        Assert.Equal(2, narration.Count);
        Assert.All(narration, n => Assert.EndsWith(".", n, StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_scriptWithOneLongSentence_splitsAtCommaOrConjunction()
    {
        const string script = "We walked along the river for hours, talking about everything and nothing, "
            + "and when the sun finally went down we sat on the bridge and watched the lights come on across the water";

        var narration = Plan("A story about friends", 10, script).Scenes.Select(s => s.Narration).ToList();

        Assert.Equal(2, narration.Count);
        Assert.True(narration[0].EndsWith(',') || narration[1].Split(' ')[0] is "and" or "when", string.Join(" | ", narration));
    }

    [Fact]
    public void Plan_script_longerChunksGetMoreTime()
    {
        const string script = "Hello there. This second part of the script is a great deal longer than the first part was, by design.";

        var scenes = Plan("A video about greetings", 10, script).Scenes;

        Assert.True(scenes[1].DurationSeconds > scenes[0].DurationSeconds);
        Assert.True(scenes[0].DurationSeconds >= 2.0);
        Assert.Equal(10.0, scenes.Sum(s => s.DurationSeconds), 9);
    }

    [Fact]
    public void Plan_scriptTooLongForDuration_warnsThatNarrationWillBeSpedUp()
    {
        var plan = Plan("A video about coffee", 7, CoffeeScript);

        Assert.Contains(plan.Warnings, w => w.Contains("natural pace", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_scriptFittingDuration_hasNoPaceWarning()
    {
        var plan = Plan("A video about coffee", 60, CoffeeScript);

        Assert.DoesNotContain(plan.Warnings, w => w.Contains("natural pace", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_script_descriptionsComeFromEachChunksNouns()
    {
        var scenes = Plan("A video about coffee", 30, CoffeeScript).Scenes;

        Assert.Contains("cup of coffee", scenes[0].Description, StringComparison.Ordinal);
        Assert.Contains(scenes, s => s.Description.Contains("farm", StringComparison.Ordinal));
        Assert.Equal(scenes.Count, scenes.Select(s => s.Description).Distinct().Count());
    }

    [Fact]
    public void Plan_scriptShorterThanSceneCount_leavesLastScenesSilentAndWarns()
    {
        var plan = Plan("A video about coffee", 30, "Coffee time.");

        Assert.Equal(6, plan.Scenes.Count);
        Assert.Equal("Coffee time.", string.Join(' ', plan.Scenes.Select(s => s.Narration)).Trim());
        Assert.Contains(plan.Warnings, w => w.Contains("fewer words", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_whitespaceScript_writesNarrationFromPrompt()
    {
        var plan = Plan(CoffeePrompt, 30, "   ");

        Assert.All(plan.Scenes, s => Assert.NotEmpty(s.Narration));
        Assert.Contains(plan.Warnings, w => w.Contains("script was empty", StringComparison.Ordinal));
    }
}
