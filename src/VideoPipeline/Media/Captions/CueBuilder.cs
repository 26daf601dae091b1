using VideoPipeline.Domain;

namespace VideoPipeline.Media.Captions;

/// <summary>
/// Groups timed words into caption cues. The result always satisfies <see cref="CaptionTrack.Validate"/>:
/// cues ordered, non-overlapping, at least one millisecond long, and ending before the video does.
/// </summary>
public static class CueBuilder
{
    public static IReadOnlyList<CaptionCue> Build(
        IReadOnlyList<TimedWord> words,
        int wordsPerLine,
        double videoDuration,
        CueBuilderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentOutOfRangeException.ThrowIfLessThan(wordsPerLine, 1);
        CaptionTrack.ThrowIfBadDuration(videoDuration);
        options ??= new CueBuilderOptions();
        if (!double.IsFinite(options.HoldSeconds) || options.HoldSeconds < 0
            || !double.IsFinite(options.MinimumDurationSeconds) || options.MinimumDurationSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Hold and minimum duration must be finite and not negative.");
        }

        var groups = Group(words, wordsPerLine);
        var limit = CaptionTrack.LatestEnd(videoDuration);
        var hold = options.HoldSeconds;
        var minimum = options.MinimumDurationSeconds;

        var starts = groups.Select(g => Math.Max(0, g.Start)).ToArray();
        for (var i = 1; i < starts.Length; i++)
        {
            starts[i] = Math.Max(starts[i], starts[i - 1]);
        }

        var cues = new List<CaptionCue>();
        for (var i = 0; i < groups.Count && starts[i] <= limit - CaptionTrack.ShortestCue; i++)
        {
            var next = StartAfter(starts, i, limit);
            if (next - starts[i] < CaptionTrack.ShortestCue && i + 1 < groups.Count)
            {
                // Two groups start at the same instant (words squeezed into no time by the aligner):
                // split the second group's span so both are shown rather than one vanishing.
                var nextEnd = Math.Min(Math.Max(groups[i + 1].LastWordEnd + hold, starts[i + 1]), StartAfter(starts, i + 1, limit));
                starts[i + 1] = starts[i] + Math.Min(minimum, (nextEnd - starts[i]) / 2);
                next = starts[i + 1];
            }

            var end = Math.Max(groups[i].LastWordEnd + hold, starts[i] + minimum);
            end = Math.Min(end, Math.Min(next, limit));
            if (end - starts[i] >= CaptionTrack.ShortestCue)
            {
                cues.Add(new CaptionCue(starts[i], end, groups[i].Text));
            }
        }

        return cues;
    }

    /// <summary>
    /// Joins per-scene cue lists (already on the final timeline) into one valid track. A scene's last cue
    /// may hold into the next scene, so overlaps are trimmed; nothing is shifted. Cues left shorter than
    /// a millisecond, or starting at the end of the video, are dropped.
    /// </summary>
    public static IReadOnlyList<CaptionCue> Merge(IEnumerable<IReadOnlyList<CaptionCue>> sceneCues, double videoDuration)
    {
        ArgumentNullException.ThrowIfNull(sceneCues);
        CaptionTrack.ThrowIfBadDuration(videoDuration);

        var limit = CaptionTrack.LatestEnd(videoDuration);
        var all = sceneCues
            .SelectMany(scene => scene ?? [])
            .Where(c => c is not null && double.IsFinite(c.Start) && double.IsFinite(c.End) && !string.IsNullOrWhiteSpace(c.Text))
            .OrderBy(c => c.Start)
            .ToList();

        var merged = new List<CaptionCue>();
        for (var i = 0; i < all.Count; i++)
        {
            var start = Math.Max(0, all[i].Start);
            var next = i + 1 < all.Count ? Math.Max(0, all[i + 1].Start) : limit;
            var end = Math.Min(all[i].End, Math.Min(next, limit));
            if (end - start >= CaptionTrack.ShortestCue)
            {
                merged.Add(all[i] with { Start = start, End = end });
            }
        }

        return merged;
    }

    private static double StartAfter(double[] starts, int index, double limit) =>
        index + 1 < starts.Length ? Math.Min(starts[index + 1], limit) : limit;

    private static List<WordGroup> Group(IReadOnlyList<TimedWord> words, int wordsPerLine)
    {
        var groups = new List<WordGroup>();
        var current = new List<TimedWord>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i] ?? throw new ArgumentException($"Word {i} is null.", nameof(words));
            if (!double.IsFinite(word.Start) || !double.IsFinite(word.End))
            {
                throw new ArgumentException($"Word {i} (\"{word.Text}\") has a time that is not a finite number.", nameof(words));
            }

            if (string.IsNullOrWhiteSpace(word.Text))
            {
                continue;
            }

            current.Add(word);
            if (current.Count == wordsPerLine || EndsSentence(word.Text))
            {
                groups.Add(WordGroup.Of(current));
                current.Clear();
            }
        }

        if (current.Count > 0)
        {
            groups.Add(WordGroup.Of(current));
        }

        return groups;
    }

    private static bool EndsSentence(string text)
    {
        var trimmed = text.TrimEnd().TrimEnd('"', '\'', '\u201D', '\u2019', ')', ']', '\u00BB');
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '\u2026' or '\u3002' or '\uFF01' or '\uFF1F';
    }

    private sealed record WordGroup(double Start, double LastWordEnd, string Text)
    {
        public static WordGroup Of(List<TimedWord> words) => new(
            words[0].Start,
            Math.Max(words[^1].End, words[0].Start),
            string.Join(' ', words.Select(w => w.Text.Trim())));
    }
}
