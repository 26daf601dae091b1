namespace VideoPipeline.Media.Captions;

/// <summary>
/// Word error rate of a transcript against a script: word-level edit distance over the reference
/// length, after both are reduced to spoken tokens so "50%" and "fifty percent" count as equal.
/// </summary>
public static class WordErrorRate
{
    /// <returns>0 for a perfect transcript; can exceed 1 when the hypothesis adds words. An empty
    /// reference gives 0 against an empty hypothesis and 1 otherwise.</returns>
    public static double Compute(string reference, string hypothesis)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(hypothesis);

        var expected = SpokenTokens(reference);
        var heard = SpokenTokens(hypothesis);
        if (expected.Count == 0)
        {
            return heard.Count == 0 ? 0 : 1;
        }

        return (double)EditDistance.Between(expected, heard, StringComparer.Ordinal) / expected.Count;
    }

    internal static List<string> SpokenTokens(string text) => SpeakableText.Clean(text)
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .SelectMany(word => SpokenForm.Tokens(SpokenForm.NormalizeRecognized(word)))
        .ToList();
}
