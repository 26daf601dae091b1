using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// Turns prompt words into text the TTS voice reads cleanly and the speech check can recognise:
/// lower case, letters and spaces only, numbers spelled out, brand names and abbreviations left out.
/// </summary>
internal static partial class SpokenText
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["&"] = " and ",
        ["%"] = " percent ",
        ["+"] = " plus ",
        ["@"] = " at ",
    };

    private static readonly HashSet<string> DanglingWords = new(StringComparer.Ordinal)
    {
        "of", "in", "on", "at", "from", "to", "by", "with", "across", "for", "the", "a", "an", "and", "or", "our", "your", "my",
    };

    public static string Clean(string text, IReadOnlySet<string> brandWords)
    {
        var expanded = ItIs().Replace(FoldAccents(text.Replace('’', '\'')), "$1 is");
        expanded = Contraction().Replace(expanded, m => m.Groups[1].Value.ToLowerInvariant() switch
        {
            "n't" => " not",
            "'re" => " are",
            "'ll" => " will",
            "'ve" => " have",
            "'m" => " am",
            "'d" => " would",
            _ => "s",
        });
        expanded = expanded.Replace("wo not", "will not", StringComparison.OrdinalIgnoreCase)
            .Replace("ca not", "cannot", StringComparison.OrdinalIgnoreCase);
        foreach (var (symbol, replacement) in Symbols)
        {
            expanded = expanded.Replace(symbol, replacement, StringComparison.Ordinal);
        }

        var words = new StringBuilder();
        foreach (Match token in Token().Matches(expanded))
        {
            var lower = token.Value.ToLowerInvariant();
            if (brandWords.Contains(lower) || (lower.EndsWith('s') && brandWords.Contains(lower[..^1])) || IsMixedNumber(lower))
            {
                continue;
            }

            var spoken = lower.All(char.IsDigit)
                ? (int.TryParse(lower, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? NumberWords.Spell(n) : null)
                : NonLetters().Replace(lower, " ");
            if (!string.IsNullOrWhiteSpace(spoken))
            {
                words.Append(spoken).Append(' ');
            }
        }

        // Dropping "North America" from "across North America" must not leave "across" dangling.
        var kept = Spaces().Replace(words.ToString(), " ").Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (kept.Count > 0 && DanglingWords.Contains(kept[^1]))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return string.Join(' ', kept);
    }

    // "3.5" or "2-in-1": no clean spoken form, so narration leaves it out rather than reading symbols.
    private static bool IsMixedNumber(string token) => token.Any(char.IsDigit) && !token.All(char.IsDigit);

    // Invariant globalization rules out string.Normalize-based folding, and a short table covers prompts in English.
    internal static string FoldAccents(string text)
    {
        const string accented = "àáâäãåèéêëìíîïòóôöõùúûüñçÀÁÂÄÃÅÈÉÊËÌÍÎÏÒÓÔÖÕÙÚÛÜÑÇ";
        const string plain = "aaaaaaeeeeiiiiooooouuuuncAAAAAAEEEEIIIIOOOOOUUUUNC";
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var at = accented.IndexOf(chars[i], StringComparison.Ordinal);
            if (at >= 0)
            {
                chars[i] = plain[at];
            }
        }

        return new string(chars);
    }

    [GeneratedRegex(@"\b(it|that|there|what|here|he|she|who)'s\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ItIs();

    [GeneratedRegex(@"(n't|'re|'ll|'ve|'m|'d|'s)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Contraction();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-.,][\p{L}\p{N}]+)*")]
    private static partial Regex Token();

    [GeneratedRegex(@"[^a-z]+")]
    private static partial Regex NonLetters();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
