using VideoPipeline.Domain;
using VideoPipeline.Providers;
using VideoPipeline.Providers.Offline.Planning;

namespace VideoPipeline.Tests.Providers.Offline.Planning;

/// <summary>Prompts of every format and awkward shape, shared by the planner's theory tests.</summary>
internal static class PlannerTestData
{
    public const string CoffeePrompt = "A 30-second ad for a new coffee brand showing morning routine";

    public static readonly string[] Prompts =
    [
        CoffeePrompt,
        "How to make cold brew coffee at home",
        "A short film about a lonely robot who finds a friend",
        "A documentary about honey bees",
        "Product launch video for Zuvora sparkling water with 3 flavors",
        "An ad showing a family enjoying pizza at night",
        "A 20 second promo for our local bakery",
        "Instagram ad for a new budgeting app for students",
        "A 15s promo for Acme's 2-in-1 shampoo & conditioner, 50% off!",
        "AN AD FOR COFFEE SHOWING A MORNING ROUTINE",
        "A tale of two friends who build a treehouse",
        "A one-minute explainer about how solar panels work, featuring a family at home",
        "A 30-second ad",
        "hope",
        "An ad for the iPhone 15 Pro with 4K video & 48MP camera",
    ];

    public static readonly double[] Durations = [2, 5, 7, 12.5, 30, 45, 90, 600];

    public static TheoryData<string, double> PromptsByDuration()
    {
        var data = new TheoryData<string, double>();
        foreach (var prompt in Prompts)
        {
            foreach (var duration in Durations)
            {
                data.Add(prompt, duration);
            }
        }

        return data;
    }

    public static TheoryData<string> AllPrompts() => [.. Prompts];

    public static ScenePlan Plan(string prompt, double duration, string? script = null, string style = "professional") =>
        new RuleBasedScenePlanner().Plan(new PlanRequest { Prompt = prompt, DurationSeconds = duration, Script = script, Style = style });

    /// <summary>Sentences of a narration, split after . ! and ?.</summary>
    public static IEnumerable<string> Sentences(string narration) =>
        System.Text.RegularExpressions.Regex.Split(narration, @"(?<=[.!?])\s+").Where(s => s.Length > 0);
}
