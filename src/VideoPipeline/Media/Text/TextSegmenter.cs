using System.Globalization;
using System.Text;

namespace VideoPipeline.Media.Text;

/// <summary>One user-perceived character (grapheme cluster) and the face that draws it.</summary>
public sealed record TextCluster(string Text, FontFace Face, bool IsEmoji)
{
    public bool IsSpace => this.Text.Length > 0 && this.Text.All(char.IsWhiteSpace);
}

/// <summary>
/// Chooses a face per grapheme cluster: colour emoji from the emoji face, everything else from the
/// first face that has all of the cluster's glyphs. Spaces, digits and punctuation stay in the face
/// of the text around them, so a run of Arabic or Chinese is shaped (and reordered) as one.
/// </summary>
public static class TextSegmenter
{
    public static IReadOnlyList<TextCluster> Clusters(string text, TextFonts fonts, FontFace primary)
    {
        var clusters = new List<TextCluster>();
        FontFace? current = null;
        var emoji = fonts.Emoji;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var cluster = enumerator.GetTextElement();
            var runes = cluster.EnumerateRunes().ToList();
            if (cluster == "\n")
            {
                clusters.Add(new TextCluster(cluster, current ?? primary, IsEmoji: false));
                continue;
            }

            if (runes.Count == 0 || Rune.IsControl(runes[0]))
            {
                continue;
            }

            if (emoji is not null && IsEmoji(runes) && emoji.Covers(runes[0].Value))
            {
                clusters.Add(new TextCluster(cluster, emoji, IsEmoji: true));
                continue;
            }

            var significant = runes.Where(r => !IsJoinerOrSelector(r.Value)).Select(r => r.Value).ToList();
            var face = current is not null && significant.All(IsNeutral) && significant.All(current.Covers)
                ? current
                : Choose(significant, fonts, primary);
            current = face;
            clusters.Add(new TextCluster(cluster, face, IsEmoji: false));
        }

        return clusters;
    }

    private static FontFace Choose(List<int> codepoints, TextFonts fonts, FontFace primary)
    {
        var outlines = fonts.Faces.Where(f => !f.IsColor && f != primary).Prepend(primary).ToList();
        return outlines.FirstOrDefault(f => codepoints.All(f.Covers))
            ?? outlines.FirstOrDefault(f => codepoints.Count > 0 && f.Covers(codepoints[0]))
            ?? primary;
    }

    private static bool IsNeutral(int codepoint) =>
        !Rune.IsLetter(new Rune(codepoint)) && Rune.GetUnicodeCategory(new Rune(codepoint)) is not (
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.OtherSymbol);

    private static bool IsJoinerOrSelector(int codepoint) =>
        codepoint is 0x200C or 0x200D or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

    /// <summary>
    /// Emoji presentation: an explicit emoji selector (U+FE0F), flags, skin tones, the pictographs of
    /// the supplementary planes, and the BMP symbols whose default presentation is emoji (Unicode emoji-data).
    /// </summary>
    internal static bool IsEmoji(IReadOnlyList<Rune> runes)
    {
        if (runes.Any(r => r.Value == 0xFE0E))
        {
            return false;
        }

        var first = runes[0].Value;
        return runes.Any(r => r.Value is 0xFE0F or (>= 0x1F3FB and <= 0x1F3FF))
            || first is >= 0x1F000 and <= 0x1FAFF
            || Array.BinarySearch(BmpEmojiPresentation, first) >= 0;
    }

    private static readonly int[] BmpEmojiPresentation =
    [
        0x231A, 0x231B, 0x23E9, 0x23EA, 0x23EB, 0x23EC, 0x23F0, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615,
        0x2648, 0x2649, 0x264A, 0x264B, 0x264C, 0x264D, 0x264E, 0x264F, 0x2650, 0x2651, 0x2652, 0x2653,
        0x267F, 0x2693, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26D4, 0x26EA,
        0x26F2, 0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A, 0x270B, 0x2728, 0x274C, 0x274E, 0x2753,
        0x2754, 0x2755, 0x2757, 0x2795, 0x2796, 0x2797, 0x27B0, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B55,
    ];
}
