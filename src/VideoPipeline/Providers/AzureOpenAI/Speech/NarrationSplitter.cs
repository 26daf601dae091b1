using System.Text;
using System.Text.RegularExpressions;

namespace VideoPipeline.Providers.AzureOpenAI.Speech;

/// <summary>
/// Splits narration longer than one speech request takes into chunks that end at sentence boundaries,
/// packing whole sentences per chunk. A single sentence longer than a chunk is cut at its last space.
/// </summary>
internal static partial class NarrationSplitter
{
    public static IReadOnlyList<string> Split(string text, int maxCharacters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCharacters, 16);
        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var sentence in SentenceEnd().Split(text.Trim()).Where(s => s.Length > 0).SelectMany(s => Cut(s, maxCharacters)))
        {
            if (current.Length > 0 && current.Length + 1 + sentence.Length > maxCharacters)
            {
                chunks.Add(current.ToString());
                current.Clear();
            }

            current.Append(current.Length > 0 ? " " : string.Empty).Append(sentence);
        }

        if (current.Length > 0)
        {
            chunks.Add(current.ToString());
        }

        return chunks;
    }

    private static IEnumerable<string> Cut(string sentence, int maxCharacters)
    {
        var rest = sentence;
        while (rest.Length > maxCharacters)
        {
            var space = rest.LastIndexOf(' ', maxCharacters);
            var at = space > 0 ? space : maxCharacters;
            yield return rest[..at].TrimEnd();
            rest = rest[at..].TrimStart();
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    // After ., ! ? or … (and any closing quote or bracket), where whitespace follows.
    [GeneratedRegex("""(?<=[.!?…]["'”’)\]]*)\s+""")]
    private static partial Regex SentenceEnd();
}
