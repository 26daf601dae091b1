using VideoPipeline.Domain;

namespace VideoPipeline.Media.Captions;

/// <summary>
/// Puts script words on the timeline of the recognizer's words. Matching the script against what
/// was heard, rather than using the recognizer's text, keeps the captions' wording exact while
/// their timing comes from the audio. Alignment is a Needleman-Wunsch pass over spoken tokens.
/// </summary>
public static class WordAligner
{
    /// <summary>Tokens at least this similar (1 - edit distance / length) count as the same word: "colour" and "color".</summary>
    public const double NearMatchSimilarity = 0.75;

    private const byte Diagonal = 0;
    private const byte SkipScript = 1;
    private const byte SkipHeard = 2;

    /// <param name="recognized">Recognized words, timed on the same clock as <paramref name="speechStart"/>.</param>
    public static WordAlignment Align(
        IReadOnlyList<string> displayWords,
        IReadOnlyList<TranscriptWord> recognized,
        double speechStart,
        double speechEnd)
    {
        ArgumentNullException.ThrowIfNull(displayWords);
        ArgumentNullException.ThrowIfNull(recognized);
        if (!double.IsFinite(speechStart) || speechStart < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(speechStart), speechStart, "Speech start must be a finite, non-negative number of seconds.");
        }

        if (!double.IsFinite(speechEnd) || speechEnd < speechStart)
        {
            throw new ArgumentOutOfRangeException(nameof(speechEnd), speechEnd, "Speech end must be finite and not before speech start.");
        }

        var script = ScriptTokens(displayWords);
        var heard = HeardTokens(recognized);
        var aligned = AlignTokens(script, heard);

        var words = new WordTiming[displayWords.Count];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = new WordTiming { Text = displayWords[i] };
        }

        for (var k = 0; k < script.Count; k++)
        {
            var word = words[script[k].Word];
            word.TokenCount++;
            if (aligned[k].Heard < 0)
            {
                continue;
            }

            var token = heard[aligned[k].Heard];
            word.Start = word.Anchored ? Math.Min(word.Start, token.Start) : token.Start;
            word.End = word.Anchored ? Math.Max(word.End, token.End) : token.End;
            word.Anchored = true;
            word.MatchedTokens += aligned[k].Matched ? 1 : 0;
        }

        Interpolate(words, speechStart, speechEnd);
        var timed = MakeMonotonic(words, speechStart, speechEnd);

        var speakable = words.Count(w => w.TokenCount > 0);
        var matched = words.Count(w => w.TokenCount > 0 && w.MatchedTokens == w.TokenCount);
        return new WordAlignment(timed, speakable == 0 ? 0 : (double)matched / speakable);
    }

    private static List<(int Word, string Token)> ScriptTokens(IReadOnlyList<string> displayWords)
    {
        var tokens = new List<(int, string)>();
        for (var i = 0; i < displayWords.Count; i++)
        {
            tokens.AddRange(SpokenForm.Tokens(displayWords[i]).Select(token => (i, token)));
        }

        return tokens;
    }

    /// <summary>Recognized words as tokens in time order; a word read as several tokens ("50%") shares its span by token length.</summary>
    private static List<HeardToken> HeardTokens(IReadOnlyList<TranscriptWord> recognized)
    {
        var tokens = new List<HeardToken>();
        foreach (var word in recognized.Where(w => w is not null && double.IsFinite(w.Start) && double.IsFinite(w.End)).OrderBy(w => w.Start))
        {
            var parts = SpokenForm.Tokens(SpokenForm.NormalizeRecognized(word.Word ?? ""));
            var end = Math.Max(word.Start, word.End);
            var totalLength = parts.Sum(p => p.Length);
            var start = word.Start;
            foreach (var part in parts)
            {
                var partEnd = start + ((end - word.Start) * part.Length / totalLength);
                tokens.Add(new HeardToken(part, start, partEnd));
                start = partEnd;
            }
        }

        return tokens;
    }

    /// <summary>For each script token, the heard token it lines up with (-1 for none) and whether the two match.</summary>
    private static (int Heard, bool Matched)[] AlignTokens(List<(int Word, string Token)> script, List<HeardToken> heard)
    {
        var n = script.Count;
        var m = heard.Count;
        var trace = new byte[(n + 1) * (m + 1)];
        var previous = new int[m + 1];
        var current = new int[m + 1];
        for (var j = 0; j <= m; j++)
        {
            previous[j] = j;
            trace[j] = SkipHeard;
        }

        for (var i = 1; i <= n; i++)
        {
            current[0] = i;
            trace[i * (m + 1)] = SkipScript;
            for (var j = 1; j <= m; j++)
            {
                var diagonal = previous[j - 1] + (IsMatch(script[i - 1].Token, heard[j - 1].Token) ? 0 : 1);
                var up = previous[j] + 1;
                var left = current[j - 1] + 1;

                // Ties go to the diagonal: a substituted word is better timed by its neighbour in the audio than interpolated.
                (current[j], trace[(i * (m + 1)) + j]) = diagonal <= up && diagonal <= left ? (diagonal, Diagonal)
                    : up <= left ? (up, SkipScript)
                    : (left, SkipHeard);
            }

            (previous, current) = (current, previous);
        }

        var result = new (int Heard, bool Matched)[n];
        for (int i = n, j = m; i > 0 || j > 0;)
        {
            switch (trace[(i * (m + 1)) + j])
            {
                case Diagonal when i > 0 && j > 0:
                    result[i - 1] = (j - 1, IsMatch(script[i - 1].Token, heard[j - 1].Token));
                    i--;
                    j--;
                    break;
                case SkipScript when i > 0:
                    result[i - 1] = (-1, false);
                    i--;
                    break;
                default:
                    j--;
                    break;
            }
        }

        return result;
    }

    private static bool IsMatch(string scriptToken, string heardToken)
    {
        if (string.Equals(scriptToken, heardToken, StringComparison.Ordinal))
        {
            return true;
        }

        // Edit distance is at least the length difference, so short-circuit pairs that cannot be similar enough.
        var shorter = Math.Min(scriptToken.Length, heardToken.Length);
        var longer = Math.Max(scriptToken.Length, heardToken.Length);
        return (double)shorter / longer >= NearMatchSimilarity
            && EditDistance.Similarity(scriptToken, heardToken) >= NearMatchSimilarity;
    }

    /// <summary>Words the recognizer missed share the gap between their timed neighbours by character length.</summary>
    private static void Interpolate(WordTiming[] words, double speechStart, double speechEnd)
    {
        var i = 0;
        while (i < words.Length)
        {
            if (words[i].Anchored)
            {
                i++;
                continue;
            }

            var runEnd = i;
            while (runEnd < words.Length && !words[runEnd].Anchored)
            {
                runEnd++;
            }

            var from = i > 0 ? words[i - 1].End : speechStart;
            var to = runEnd < words.Length ? words[runEnd].Start : speechEnd;
            to = Math.Max(from, to);
            var weights = words[i..runEnd].Select(w => (double)Math.Max(1, w.Text.Trim().Length)).ToArray();
            var total = weights.Sum();
            var t = from;
            for (var k = i; k < runEnd; k++)
            {
                words[k].Start = t;
                t += (to - from) * weights[k - i] / total;
                words[k].End = k == runEnd - 1 ? to : t;
            }

            i = runEnd;
        }
    }

    /// <summary>Clamps into the speech span, then makes starts non-decreasing and trims overlaps.</summary>
    private static TimedWord[] MakeMonotonic(WordTiming[] words, double speechStart, double speechEnd)
    {
        var starts = new double[words.Length];
        var ends = new double[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            starts[i] = Math.Clamp(words[i].Start, speechStart, speechEnd);
            if (i > 0)
            {
                starts[i] = Math.Max(starts[i], starts[i - 1]);
            }

            ends[i] = Math.Clamp(words[i].End, starts[i], speechEnd);
        }

        for (var i = words.Length - 2; i >= 0; i--)
        {
            ends[i] = Math.Min(ends[i], starts[i + 1]);
        }

        return words
            .Select((w, i) => new TimedWord(w.Text, starts[i], ends[i], w.TokenCount > 0 && w.MatchedTokens == w.TokenCount))
            .ToArray();
    }

    private sealed record HeardToken(string Token, double Start, double End);

    private sealed class WordTiming
    {
        public required string Text { get; init; }
        public double Start { get; set; }
        public double End { get; set; }
        public bool Anchored { get; set; }
        public int TokenCount { get; set; }
        public int MatchedTokens { get; set; }
    }
}
