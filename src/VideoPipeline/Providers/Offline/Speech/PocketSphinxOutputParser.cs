using System.Globalization;
using VideoPipeline.Domain;

namespace VideoPipeline.Providers.Offline.Speech;

/// <summary>
/// Parses <c>pocketsphinx_continuous -time yes</c>: per utterance, a hypothesis line followed by
/// word lines "word start end confidence" (seconds from the start of the file).
/// Fillers (&lt;s&gt;, &lt;sil&gt;, [NOISE], ++GARBAGE++) are dropped and "word(2)" pronunciation variants folded.
/// </summary>
public static class PocketSphinxOutputParser
{
    public static Transcript Parse(string output)
    {
        var words = new List<TranscriptWord>();
        var segments = new List<TranscriptSegment>();
        var utterance = new List<TranscriptWord>();

        void CloseUtterance()
        {
            if (utterance.Count > 0)
            {
                segments.Add(new TranscriptSegment(utterance[0].Start, utterance[^1].End, string.Join(' ', utterance.Select(w => w.Word))));
                utterance.Clear();
            }
        }

        foreach (var raw in output.Split('\n'))
        {
            var parts = raw.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 4
                || !TryNumber(parts[1], out var start)
                || !TryNumber(parts[2], out var end)
                || !TryNumber(parts[3], out var confidence))
            {
                continue;
            }

            var token = parts[0];
            if (token == "<s>")
            {
                CloseUtterance();
                continue;
            }

            if (token == "</s>")
            {
                CloseUtterance();
                continue;
            }

            if (IsFiller(token))
            {
                continue;
            }

            var word = new TranscriptWord(StripVariant(token), start, Math.Max(start, end), confidence);
            words.Add(word);
            utterance.Add(word);
        }

        CloseUtterance();
        return new Transcript
        {
            Text = string.Join(' ', words.Select(w => w.Word)),
            Language = "en",
            Segments = segments,
            Words = words,
        };
    }

    private static bool IsFiller(string token) =>
        token.StartsWith('<') || token.StartsWith('[') || token.StartsWith("++", StringComparison.Ordinal);

    private static string StripVariant(string token)
    {
        var paren = token.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 && token.EndsWith(')') ? token[..paren] : token;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
