namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>Time-of-day words, and the light a shot description gives each time.</summary>
internal static class TimeOfDay
{
    private static readonly Dictionary<string, string> Times = new(StringComparer.Ordinal)
    {
        ["morning"] = "morning", ["mornings"] = "morning", ["sunrise"] = "morning", ["dawn"] = "morning", ["breakfast"] = "morning",
        ["afternoon"] = "afternoon", ["lunch"] = "afternoon",
        ["evening"] = "evening", ["evenings"] = "evening", ["sunset"] = "evening", ["dusk"] = "evening", ["dinner"] = "evening",
        ["night"] = "night", ["nights"] = "night", ["midnight"] = "night", ["nighttime"] = "night", ["tonight"] = "night",
        ["weekend"] = "weekend", ["weekends"] = "weekend",
    };

    private static readonly Dictionary<string, string> Adjectives = new(StringComparer.Ordinal)
    {
        ["morning"] = "sunlit",
        ["afternoon"] = "bright",
        ["evening"] = "golden",
        ["night"] = "dimly lit",
        ["weekend"] = "relaxed",
    };

    /// <summary>The first time-of-day word among <paramref name="words"/>, normalised ("sunrise" → "morning").</summary>
    public static string? Find(IEnumerable<string> words) =>
        words.Select(w => Times.GetValueOrDefault(w)).FirstOrDefault(t => t is not null);

    public static string? AdjectiveFor(string? time) => time is null ? null : Adjectives.GetValueOrDefault(time);
}
