using System.Text.RegularExpressions;

namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// Finds words that look like brand names or abbreviations ("iPhone 15", "Zuvora", "NASA").
/// The TTS voice mispronounces them and the speech check cannot recognise them, so narration
/// talks about the plain noun instead; descriptions and overlays still use them.
/// </summary>
internal static partial class BrandWordFinder
{
    public static IReadOnlySet<string> Find(string text)
    {
        var matches = Token().Matches(text);
        var tokens = matches.Select(m => m.Value).ToList();
        var brands = new HashSet<string>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return brands;
        }

        // A prompt in Title Case or ALL CAPS says nothing about brands through its capitals.
        var capitalised = tokens.Count(t => char.IsUpper(t[0]));
        var shoutedOrTitled = capitalised * 2 > tokens.Count;

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var lower = token.ToLowerInvariant();
            var hasDigit = token.Any(char.IsDigit);
            var hasLetter = token.Any(char.IsLetter);
            var isBrand =
                (hasDigit && hasLetter)
                || (!shoutedOrTitled && token.Skip(1).Any(char.IsUpper))
                || (!shoutedOrTitled && !StartsSentence(text, matches[i].Index) && char.IsUpper(token[0]) && token != "I" && KeywordLexicon.Find(lower) is null)
                || (hasDigit && !hasLetter && i > 0 && brands.Contains(tokens[i - 1].ToLowerInvariant()));
            if (isBrand)
            {
                brands.Add(lower);
            }
        }

        return brands;
    }

    private static bool StartsSentence(string text, int index)
    {
        var before = text[..index].TrimEnd();
        return before.Length == 0 || before[^1] is '.' or '!' or '?' or ':' or '"';
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*")]
    private static partial Regex Token();
}
