using System.Text.RegularExpressions;

namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// What a script chunk shows, for its shot description. Without a part-of-speech tagger it reads
/// noun phrases the cheap way: a determiner, up to three words, stopping at punctuation or a
/// function word ("a new blend", "a cup of coffee"); lexicon words count even without one.
/// </summary>
internal static partial class ScriptKeywords
{
    private const int MaxPhrases = 3;
    private const int MaxPhraseWords = 3;

    private static readonly HashSet<string> PhraseStarters = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "my", "your", "our", "their", "his", "her", "its", "this", "that", "these", "those",
    };

    // Words that end a noun phrase: prepositions, verbs that follow subjects, conjunctions, pronouns.
    private static readonly HashSet<string> PhraseEnders = new(StringComparer.Ordinal)
    {
        "of", "in", "on", "at", "to", "for", "from", "with", "by", "into", "before", "after", "since", "until", "about", "over",
        "under", "through", "and", "or", "but", "so", "because", "if", "when", "while", "then", "than", "is", "are", "was",
        "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should", "must", "may", "might", "do",
        "does", "did", "not", "it", "i", "you", "we", "they", "he", "she", "that", "which", "who", "smells", "looks", "feels",
        "tastes", "makes", "gets", "goes", "comes", "just", "really", "very", "too", "also", "never", "always", "often",
        "still", "now", "here", "there", "a", "an", "the",
    };

    /// <summary>"a cup of coffee, a small farm in the mountains"; null when the chunk names nothing concrete.</summary>
    public static string? Phrase(string chunk)
    {
        var tokens = Token().Matches(chunk).Select(m => (Word: m.Groups["word"].Value.ToLowerInvariant(), Stop: m.Groups["stop"].Success)).ToList();
        var phrases = new List<string>();
        string? place = null;
        var covered = new HashSet<int>();

        for (var i = 0; i < tokens.Count && phrases.Count < MaxPhrases; i++)
        {
            if (!PhraseStarters.Contains(tokens[i].Word) || tokens[i].Stop)
            {
                continue;
            }

            var end = PhraseEnd(tokens, i + 1);
            if (end == i + 1)
            {
                continue;
            }

            // "a cup of coffee": one "of" may join a second short phrase.
            if (end + 1 < tokens.Count && tokens[end].Word == "of" && !tokens[end - 1].Stop)
            {
                var start = PhraseStarters.Contains(tokens[end + 1].Word) ? end + 2 : end + 1;
                var tail = PhraseEnd(tokens, start);
                end = tail > start ? tail : end;
            }

            var words = tokens.Skip(i + 1).Take(end - i - 1).Select(t => t.Word).ToList();
            var head = words[^1];
            Enumerable.Range(i, end - i).ToList().ForEach(k => covered.Add(k));
            if (TimeOfDay.Find([head]) is not null)
            {
                continue;
            }

            if (KeywordLexicon.Find(head)?.Kind == WordKind.Setting)
            {
                place ??= head;
                continue;
            }

            phrases.Add(ArticleFor(tokens[i].Word) + " " + string.Join(' ', words));
        }

        // Things the lexicon knows still count without a determiner ("if you love coffee").
        for (var i = 0; i < tokens.Count && phrases.Count < MaxPhrases; i++)
        {
            if (!covered.Contains(i) && KeywordLexicon.Find(tokens[i].Word) is { } entry && entry.Kind != WordKind.Setting
                && !phrases.Any(p => p.EndsWith(" " + tokens[i].Word, StringComparison.Ordinal)))
            {
                phrases.Add(tokens[i].Word);
            }
        }

        if (phrases.Count == 0)
        {
            return null;
        }

        var listed = phrases.Count == 1 ? phrases[0] : string.Join(", ", phrases.Take(phrases.Count - 1)) + " and " + phrases[^1];
        var time = TimeOfDay.Find(tokens.Select(t => t.Word));
        return listed
            + (place is null ? "" : $" in the {place}")
            + (time is null ? "" : time == "night" ? " at night" : $" in the {time}");
    }

    // Possessives and demonstratives read as "the" in a shot description: "my kitchen" is "the kitchen".
    private static string ArticleFor(string starter) => starter is "a" or "an" ? starter : "the";

    private static int PhraseEnd(List<(string Word, bool Stop)> tokens, int start)
    {
        var end = start;
        while (end < tokens.Count && end - start < MaxPhraseWords && !PhraseEnders.Contains(tokens[end].Word))
        {
            end++;

            // Stop at punctuation, and after a plural noun: in "the streets glow" the next word is the verb.
            if (tokens[end - 1].Stop || Words.IsPlural(tokens[end - 1].Word))
            {
                break;
            }
        }

        return end;
    }

    // A word, and whether punctuation follows it (a phrase never runs across a comma or full stop).
    [GeneratedRegex(@"(?<word>\p{L}+)(?:['’]\p{L}+)?(?<stop>\s*[,.;:!?)\]—–])?")]
    private static partial Regex Token();
}
