namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// Splits a script into consecutive chunks, one per scene, without losing, adding or reordering a word.
/// Cuts prefer sentence ends, then commas, then conjunctions, and chunks aim for equal length; a
/// small dynamic program weighs the two, so short sentences merge and long ones split.
/// </summary>
internal static class ScriptChunker
{
    private const double SentenceCut = 0;
    private const double ClauseCut = 2.0;
    private const double ConjunctionCut = 2.5;
    private const double MidSentenceCut = 6.0;
    private const double BalanceWeight = 2.0;
    private const int MaxTokensForSearch = 4000;

    private static readonly HashSet<string> Conjunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "but", "or", "so", "because", "then", "while", "when", "which", "although", "though", "yet", "until",
    };

    /// <summary>The script's words split on whitespace, exactly as written.</summary>
    public static IReadOnlyList<string> Tokens(string script) =>
        script.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Up to <paramref name="count"/> chunks (fewer only when the script has fewer words), each a run of tokens.</summary>
    public static IReadOnlyList<string> Split(string script, int count)
    {
        var tokens = Tokens(script);
        if (tokens.Count == 0)
        {
            return [];
        }

        var chunks = Math.Min(count, tokens.Count);
        var cuts = tokens.Count <= MaxTokensForSearch ? BestCuts(tokens, chunks) : EvenCuts(tokens.Count, chunks);
        var result = new List<string>(chunks);
        var start = 0;
        foreach (var end in cuts)
        {
            result.Add(string.Join(' ', tokens.Skip(start).Take(end - start)));
            start = end;
        }

        return result;
    }

    /// <summary>Letters and digits in a text: a speaking-time proxy that ignores punctuation and spacing.</summary>
    public static long SpeechWeight(string text) => text.Count(char.IsLetterOrDigit);

    // best[k, j]: least cost of splitting the first j tokens into k chunks; returns each chunk's end index.
    private static int[] BestCuts(IReadOnlyList<string> tokens, int chunks)
    {
        var n = tokens.Count;
        var prefix = new long[n + 1];
        for (var i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + Math.Max(1, SpeechWeight(tokens[i]));
        }

        var ideal = (double)prefix[n] / chunks;
        var best = new double[chunks + 1, n + 1];
        var from = new int[chunks + 1, n + 1];
        for (var k = 0; k <= chunks; k++)
        {
            for (var j = 0; j <= n; j++)
            {
                best[k, j] = double.PositiveInfinity;
            }
        }

        best[0, 0] = 0;
        for (var k = 1; k <= chunks; k++)
        {
            for (var j = k; j <= n - (chunks - k); j++)
            {
                var cut = j < n ? CutCost(tokens, j) : 0;

                // Walk the chunk's start back while it stays under three ideal lengths (always at least one token).
                for (var i = j - 1; i >= k - 1; i--)
                {
                    var weight = prefix[j] - prefix[i];
                    if (i < j - 1 && weight > 3 * ideal)
                    {
                        break;
                    }

                    if (double.IsPositiveInfinity(best[k - 1, i]))
                    {
                        continue;
                    }

                    var balance = (weight - ideal) / ideal;
                    var cost = best[k - 1, i] + (BalanceWeight * balance * balance) + cut;
                    if (cost < best[k, j])
                    {
                        best[k, j] = cost;
                        from[k, j] = i;
                    }
                }
            }
        }

        if (double.IsPositiveInfinity(best[chunks, n]))
        {
            return EvenCuts(n, chunks);
        }

        var ends = new int[chunks];
        for (int k = chunks, j = n; k > 0; k--)
        {
            ends[k - 1] = j;
            j = from[k, j];
        }

        return ends;
    }

    // The price of ending a chunk after token index - 1.
    private static double CutCost(IReadOnlyList<string> tokens, int index)
    {
        var last = tokens[index - 1].TrimEnd('"', '\'', ')', ']', '”', '’');
        if (last.EndsWith('.') || last.EndsWith('!') || last.EndsWith('?') || last.EndsWith('…'))
        {
            return SentenceCut;
        }

        if (last.EndsWith(',') || last.EndsWith(';') || last.EndsWith(':') || last.EndsWith('—') || last.EndsWith('–'))
        {
            return ClauseCut;
        }

        return Conjunctions.Contains(tokens[index]) ? ConjunctionCut : MidSentenceCut;
    }

    private static int[] EvenCuts(int tokenCount, int chunks) =>
        Enumerable.Range(1, chunks).Select(k => (int)((long)tokenCount * k / chunks)).ToArray();
}
