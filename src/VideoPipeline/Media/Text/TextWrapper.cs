namespace VideoPipeline.Media.Text;

/// <summary>
/// Greedy word wrap for on-screen text (drawtext does not wrap). Over-long words are hard-split;
/// text beyond <c>maxLines</c> is cut with an ellipsis so a title never runs off the frame.
/// </summary>
public static class TextWrapper
{
    public static IReadOnlyList<string> Wrap(string text, int maxCharsPerLine, int maxLines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCharsPerLine, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);

        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(w => Split(w, maxCharsPerLine)))
            {
                if (line.Length == 0)
                {
                    line = word;
                }
                else if (line.Length + 1 + word.Length <= maxCharsPerLine)
                {
                    line += " " + word;
                }
                else
                {
                    lines.Add(line);
                    line = word;
                }
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        if (lines.Count <= maxLines)
        {
            return lines;
        }

        var kept = lines.Take(maxLines).ToList();
        var last = kept[^1];
        kept[^1] = (last.Length + 1 > maxCharsPerLine ? last[..(maxCharsPerLine - 1)] : last).TrimEnd() + "\u2026";
        return kept;
    }

    private static IEnumerable<string> Split(string word, int max)
    {
        for (var i = 0; i < word.Length; i += max)
        {
            yield return word.Substring(i, Math.Min(max, word.Length - i));
        }
    }
}
