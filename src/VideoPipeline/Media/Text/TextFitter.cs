namespace VideoPipeline.Media.Text;

/// <summary>
/// Wraps and shrinks text to stay inside a box, measuring with the faces that will draw it. Lines
/// break at spaces and between CJK characters; a word wider than the box is split. The size steps
/// down from the largest until the lines fit; at the smallest, what does not fit is cut with "…".
/// </summary>
public static class TextFitter
{
    private const double Step = 0.92;
    private const string Ellipsis = "\u2026";

    public static TextBlock Fit(string text, TextFonts fonts, FontFace primary, TextFit fit)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clusters = TextSegmenter.Clusters(Clean(text), fonts, primary);
        var faces = clusters.Where(c => !c.IsEmoji).Select(c => c.Face).Append(primary).Distinct().ToList();
        var (ascent, descent) = (faces.Max(f => f.Ascent), faces.Max(f => f.Descent));
        var pitch = Math.Max(1.3, ascent + descent);
        var baseline = ascent + ((pitch - ascent - descent) / 2);
        var widths = clusters.Select(c => c.Face.Measure(c.Text)).ToList();

        var em = fit.MaxEmPixels;
        while (true)
        {
            var maxLines = Math.Min(fit.MaxLines, Math.Max(1, (int)Math.Floor(fit.Height / (pitch * em))));
            var lines = Wrap(clusters, widths, fit.Width / em);
            var last = em <= fit.MinEmPixels;
            if (lines.Count <= maxLines || last)
            {
                var shortened = lines.Count > maxLines;
                if (shortened)
                {
                    lines = lines.Take(maxLines).ToList();
                    lines[^1] = WithEllipsis(lines[^1], fonts, primary, fit.Width / em);
                }

                return new TextBlock(em, pitch * em, baseline * em, [.. lines.Select(l => Lay(l, em))], shortened);
            }

            em = Math.Max(fit.MinEmPixels, em * Step);
        }
    }

    private static string Clean(string text) =>
        new(text.Replace("\r\n", "\n", StringComparison.Ordinal).Select(c => c == '\t' || c == '\r' ? ' ' : c).ToArray());

    // Greedy wrap in ems. Words are measured shaped (joined Arabic is wider than its letters apart);
    // a word wider than the line is cut where its shaped width still fits.
    private static List<List<TextCluster>> Wrap(IReadOnlyList<TextCluster> clusters, List<double> widths, double maxWidth)
    {
        var lines = new List<List<TextCluster>>();
        var line = new List<TextCluster>();
        var lineWidth = 0.0;
        var i = 0;
        while (i < clusters.Count)
        {
            if (clusters[i].Text == "\n")
            {
                lines.Add(Trim(line));
                (line, lineWidth) = ([], 0);
                i++;
                continue;
            }

            var end = WordEnd(clusters, i);
            var content = end;
            while (content > i && clusters[content - 1].IsSpace)
            {
                content--;
            }

            var word = Measure(clusters, i, content);
            if (line.Count > 0 && lineWidth + word > maxWidth)
            {
                lines.Add(Trim(line));
                (line, lineWidth) = ([], 0);
            }

            var start = i;
            while (word > maxWidth - lineWidth && content - start > 1)
            {
                var cut = Cut(clusters, widths, start, content, maxWidth);
                lines.Add([.. clusters.Skip(start).Take(cut - start)]);
                start = cut;
                word = Measure(clusters, start, content);
            }

            if (line.Count > 0 || start < content)
            {
                line.AddRange(clusters.Skip(start).Take(end - start));
                lineWidth += word + Enumerable.Range(content, end - content).Sum(k => widths[k]);
            }

            i = end;
        }

        if (line.Count > 0)
        {
            lines.Add(Trim(line));
        }

        return lines.Where(l => l.Count > 0).ToList();
    }

    /// <summary>The end of the longest piece from <paramref name="start"/> that fits (at least one cluster).</summary>
    private static int Cut(IReadOnlyList<TextCluster> clusters, List<double> widths, int start, int end, double maxWidth)
    {
        var cut = start + 1;
        var estimate = widths[start];
        while (cut < end && estimate + widths[cut] <= maxWidth)
        {
            estimate += widths[cut];
            cut++;
        }

        while (cut > start + 1 && Measure(clusters, start, cut) > maxWidth)
        {
            cut--;
        }

        return cut;
    }

    /// <summary>Shaped width in ems of clusters [from, to): each run of one face is shaped whole.</summary>
    private static double Measure(IReadOnlyList<TextCluster> clusters, int from, int to)
    {
        var width = 0.0;
        var k = from;
        while (k < to)
        {
            var end = k + 1;
            while (!clusters[k].IsEmoji && end < to && !clusters[end].IsEmoji && clusters[end].Face == clusters[k].Face)
            {
                end++;
            }

            width += clusters[k].Face.Measure(string.Concat(clusters.Skip(k).Take(end - k).Select(c => c.Text)));
            k = end;
        }

        return width;
    }

    /// <summary>The end of the unbreakable unit starting at <paramref name="start"/>, trailing spaces included.</summary>
    private static int WordEnd(IReadOnlyList<TextCluster> clusters, int start)
    {
        var k = start;
        while (k < clusters.Count && clusters[k].Text != "\n" && !clusters[k].IsSpace)
        {
            var next = k + 1 < clusters.Count ? clusters[k + 1] : null;
            k++;
            if (next is not null && BreakBetween(clusters[k - 1], next))
            {
                break;
            }
        }

        while (k < clusters.Count && clusters[k].IsSpace && clusters[k].Text != "\n")
        {
            k++;
        }

        return Math.Max(k, start + 1);
    }

    // CJK text has no spaces: a line may break between any two of its characters, except before closing punctuation.
    private static bool BreakBetween(TextCluster before, TextCluster after) =>
        (IsWide(before) || IsWide(after) || before.IsEmoji || after.IsEmoji) && !NoBreakBefore.Contains(after.Text[0]);

    private static bool IsWide(TextCluster cluster)
    {
        var c = char.ConvertToUtf32(cluster.Text, 0);
        return c is (>= 0x2E80 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFF00 and <= 0xFFEF) or (>= 0x20000 and <= 0x3FFFF);
    }

    private const string NoBreakBefore = "、。，．・：；？！）」』】〕〉》ー…,.!?:;)]}\u3001\u3002\uFF0C\uFF0E";

    private static List<TextCluster> Trim(List<TextCluster> line)
    {
        var end = line.Count;
        while (end > 0 && line[end - 1].IsSpace)
        {
            end--;
        }

        return line.GetRange(0, end);
    }

    private static List<TextCluster> WithEllipsis(List<TextCluster> line, TextFonts fonts, FontFace primary, double maxWidth)
    {
        var ellipsis = TextSegmenter.Clusters(Ellipsis, fonts, primary)[0];
        var room = maxWidth - ellipsis.Face.Measure(Ellipsis);
        var kept = new List<TextCluster>(line);
        while (kept.Count > 0 && (Measure(kept, 0, kept.Count) > room || kept[^1].IsSpace))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        kept.Add(ellipsis);
        return kept;
    }

    // Runs are measured whole (shaping joins Arabic letters and kerns pairs), so positions match what libass draws.
    // In a right-to-left line (its first strong letter is Arabic or Hebrew) the runs follow each other leftwards.
    private static LaidOutLine Lay(List<TextCluster> line, double em)
    {
        var runs = new List<(string Text, TextCluster First, double Width)>();
        var start = 0;
        while (start < line.Count)
        {
            var end = start + 1;
            while (!line[start].IsEmoji && end < line.Count && !line[end].IsEmoji && line[end].Face == line[start].Face)
            {
                end++;
            }

            var text = string.Concat(line.Skip(start).Take(end - start).Select(c => c.Text));
            runs.Add((text, line[start], line[start].Face.Measure(text) * em));
            start = end;
        }

        var total = runs.Sum(r => r.Width);
        var rtl = IsRightToLeft(line);
        var x = rtl ? total : 0.0;
        var placed = new List<LaidOutRun>();
        foreach (var (text, first, width) in runs)
        {
            x = rtl ? x - width : x;
            placed.Add(new LaidOutRun(text, first.Face, first.IsEmoji, x, width));
            x = rtl ? x : x + width;
        }

        return new LaidOutLine(placed, total);
    }

    private static bool IsRightToLeft(List<TextCluster> line)
    {
        foreach (var rune in line.SelectMany(c => c.Text.EnumerateRunes()))
        {
            if (System.Text.Rune.IsLetter(rune))
            {
                return rune.Value is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF);
            }
        }

        return false;
    }
}
