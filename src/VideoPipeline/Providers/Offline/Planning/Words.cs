using System.Text.RegularExpressions;

namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>Small word-level helpers shared by the prompt and script readers.</summary>
internal static partial class Words
{
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "our", "my", "your", "their", "his", "her", "its", "this", "that", "these", "those", "some", "every", "each", "any",
    };

    private static readonly HashSet<string> IrregularPlurals = new(StringComparer.OrdinalIgnoreCase)
    {
        "people", "children", "men", "women", "clothes", "jeans", "sunglasses", "headphones", "earbuds", "teeth", "feet", "mice",
    };

    private static readonly HashSet<string> SingularEndingInS = new(StringComparer.OrdinalIgnoreCase)
    {
        "glass", "dress", "grass", "class", "bus", "news", "fitness", "business", "wellness", "mattress", "process", "success", "happiness",
    };

    /// <summary>Lower-case words of letters only.</summary>
    public static IReadOnlyList<string> Of(string? text) =>
        text is null ? [] : Letters().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

    public static bool IsDeterminer(string word) => Determiners.Contains(word);

    public static bool StartsWithDeterminer(string phrase) =>
        phrase.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] && IsDeterminer(first);

    public static string WithoutDeterminer(string phrase)
    {
        var parts = phrase.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && IsDeterminer(parts[0]) ? parts[1] : phrase;
    }

    /// <summary>"the" in place of a leading "a"/"an", or in front of a bare phrase: "a lonely robot" → "the lonely robot".</summary>
    public static string Definite(string phrase)
    {
        var parts = phrase.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return phrase;
        }

        if (parts[0].Equals("a", StringComparison.OrdinalIgnoreCase) || parts[0].Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            return parts.Length == 2 ? "the " + parts[1] : phrase;
        }

        return IsDeterminer(parts[0]) ? phrase : "the " + phrase;
    }

    /// <summary>Whether a noun phrase's last word reads as plural ("shoes", "people"), for is/are agreement.</summary>
    public static bool IsPlural(string phrase)
    {
        var last = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return IrregularPlurals.Contains(last)
            || (last.Length > 2 && last.EndsWith('s') && !last.EndsWith("ss", StringComparison.Ordinal)
                && !last.EndsWith("us", StringComparison.Ordinal) && !last.EndsWith("is", StringComparison.Ordinal)
                && !SingularEndingInS.Contains(last));
    }

    public static int Count(string phrase) => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Letters();
}
