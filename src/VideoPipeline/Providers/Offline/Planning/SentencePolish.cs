using System.Text.RegularExpressions;

namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// Grammar repairs after slot filling: "a" or "an" by sound, no doubled words ("our new new coffee"),
/// single spaces, a capital at each sentence start and a closing full stop.
/// </summary>
internal static partial class SentencePolish
{
    private static readonly string[] ConsonantSoundPrefixes = ["uni", "use", "usu", "uti", "one", "once", "eu", "ewe"];
    private static readonly string[] VowelSoundPrefixes = ["hour", "honest", "honor", "heir"];

    /// <param name="closeSentence">False for shot descriptions, which read as labels ("Wide shot of a kitchen").</param>
    public static string Polish(string text, bool closeSentence = true)
    {
        var result = Spaces().Replace(text, " ").Trim();
        result = SpaceBeforePunctuation().Replace(result, "$1");
        result = StackedArticles().Replace(result, "");
        result = DoubledWord().Replace(result, "$1");
        result = Article().Replace(result, m => ArticleFor(m.Groups[1].Value, m.Groups[2].Value) + " " + m.Groups[2].Value);
        result = SentenceStart().Replace(result, m => m.Value.ToUpperInvariant());
        if (closeSentence && result.Length > 0 && result[^1] is not ('.' or '!' or '?'))
        {
            result += ".";
        }

        return result;
    }

    public static int WordCount(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;

    private static string ArticleFor(string article, string nextWord)
    {
        var lower = nextWord.ToLowerInvariant();
        var vowelSound = VowelSoundPrefixes.Any(p => lower.StartsWith(p, StringComparison.Ordinal))
            || ("aeiou".Contains(lower[0], StringComparison.Ordinal) && !ConsonantSoundPrefixes.Any(p => lower.StartsWith(p, StringComparison.Ordinal)));
        var chosen = vowelSound ? "an" : "a";
        return char.IsUpper(article[0]) ? char.ToUpperInvariant(chosen[0]) + chosen[1..] : chosen;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([,.!?;:])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"\b(\w+)(?:\s+\1\b)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DoubledWord();

    // "a an shoes" from a garbled prompt: only the last of several articles in a row is kept.
    [GeneratedRegex(@"\b(?:an?|the)\s+(?=(?:an?|the)\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StackedArticles();

    [GeneratedRegex(@"\b([Aa]n?)\s+([A-Za-z]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Article();

    [GeneratedRegex(@"(?:^|[.!?]\s+)[a-z]", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceStart();
}
