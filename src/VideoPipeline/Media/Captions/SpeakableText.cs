using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace VideoPipeline.Media.Captions;

/// <summary>
/// Reduces a script to what a TTS engine actually says. The result feeds the TTS engine and is the
/// caption text, so both sides of the word alignment see the same words: markdown such as
/// <c>---</c> or <c>_</c> is never spoken, and leaving it in made every timestamp zero in peer projects.
/// </summary>
public static partial class SpeakableText
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ');
        normalized = FencedCodeBlock().Replace(normalized, "\n");
        normalized = HtmlComment().Replace(normalized, " ");
        normalized = Autolink().Replace(normalized, " ");
        normalized = HtmlTag().Replace(normalized, " ");

        var paragraphs = new List<string>();
        var paragraph = new StringBuilder();
        foreach (var rawLine in normalized.Split('\n'))
        {
            var (line, standsAlone) = CleanLine(rawLine, insideParagraph: paragraph.Length > 0);
            if (line.Length == 0)
            {
                Flush(paragraph, paragraphs);
                continue;
            }

            // Headings and list items are separate sentences when spoken; gluing them to the
            // next line would make the voice run them together and captions join them.
            if (standsAlone)
            {
                Flush(paragraph, paragraphs);
                paragraphs.Add(line);
                continue;
            }

            paragraph.Append(' ').Append(line);
        }

        Flush(paragraph, paragraphs);
        for (var i = 0; i < paragraphs.Count - 1; i++)
        {
            paragraphs[i] = EndSentence(paragraphs[i]);
        }

        return Tidy(string.Join(' ', paragraphs));
    }

    private static (string Line, bool StandsAlone) CleanLine(string line, bool insideParagraph)
    {
        if (HorizontalRule().IsMatch(line) || SetextUnderline().IsMatch(line)
            || TableDivider().IsMatch(line) || LinkDefinition().IsMatch(line))
        {
            return ("", false);
        }

        var standsAlone = false;
        line = Blockquote().Replace(line, "");
        if (Heading().IsMatch(line))
        {
            line = ClosingHashes().Replace(Heading().Replace(line, ""), "");
            standsAlone = true;
        }

        if (ListBullet().IsMatch(line) || IsOrderedListItem(line, insideParagraph))
        {
            line = ListBullet().IsMatch(line) ? ListBullet().Replace(line, "") : OrderedListMarker().Replace(line, "");
            standsAlone = true;
        }

        line = Image().Replace(line, " ");
        line = Link().Replace(line, "${text}");
        line = ReferenceLink().Replace(line, "${text}");
        line = Url().Replace(line, " ");
        line = Email().Replace(line, " ");
        line = WebUtility.HtmlDecode(line);
        line = line.Replace("`", "", StringComparison.Ordinal)
            .Replace("*", "", StringComparison.Ordinal)
            .Replace("~~", "", StringComparison.Ordinal)
            .Replace('_', ' ')
            .Replace('|', ' ');
        line = RemoveSymbols(line);
        return (Whitespace().Replace(line, " ").Trim(), standsAlone);
    }

    /// <summary>
    /// "1." starts a list; a wrapped sentence line such as "2019. Since then" does not. As in
    /// CommonMark, only a list starting at 1 may interrupt a paragraph, and years are never markers.
    /// </summary>
    private static bool IsOrderedListItem(string line, bool insideParagraph) =>
        OrderedListMarker().Match(line) is { Success: true } marker
        && (!insideParagraph || marker.Groups["number"].Value == "1");

    private static void Flush(StringBuilder paragraph, List<string> paragraphs)
    {
        var text = paragraph.ToString().Trim();
        if (text.Length > 0)
        {
            paragraphs.Add(text);
        }

        paragraph.Clear();
    }

    private static string EndSentence(string paragraph) =>
        char.IsLetterOrDigit(paragraph[^1]) ? paragraph + "." : paragraph;

    private static string Tidy(string text)
    {
        text = EmptyBrackets().Replace(text, " ");
        text = Whitespace().Replace(text, " ");
        text = SpaceBeforePunctuation().Replace(text, "$1");
        return text.Trim();
    }

    /// <summary>Drops emoji (with their ZWJ glue, skin tones and variation selectors), pictographs and control characters.</summary>
    private static string RemoveSymbols(string line)
    {
        var runes = line.EnumerateRunes().ToArray();
        var builder = new StringBuilder(line.Length);
        for (var i = 0; i < runes.Length; i++)
        {
            var rune = runes[i];
            if (rune.Value == 0x200D)
            {
                // A zero-width joiner shapes some Indic and Arabic letters; between emoji it is only glue.
                if (i > 0 && i < runes.Length - 1 && IsLetterLike(runes[i - 1]) && IsLetterLike(runes[i + 1]))
                {
                    builder.Append(rune.ToString());
                }

                continue;
            }

            if (IsUnspoken(rune))
            {
                // A symbol may separate two words ("fast🚀cheap"), so leave a space behind.
                builder.Append(' ');
                continue;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    private static bool IsLetterLike(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsUnspoken(Rune rune)
    {
        var value = rune.Value;
        if (value is >= 0x1F000 and <= 0x1FBFF // emoji, pictographs, regional indicators, skin tones
            or >= 0x2600 and <= 0x27BF // miscellaneous symbols and dingbats
            or >= 0x2B00 and <= 0x2BFF // arrows and stars such as ⭐
            or >= 0xFE00 and <= 0xFE0F // variation selectors
            or >= 0xE0000 and <= 0xE007F // tag characters in subdivision flags
            or 0x20E3) // combining keycap
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned => true,

            // Bidi marks and soft hyphens are unspoken; the zero-width non-joiner shapes Persian words.
            UnicodeCategory.Format => value != 0x200C,

            // ©, ®, ™ and ° are read aloud ("copyright", "degrees"); other pictographic symbols are not.
            UnicodeCategory.OtherSymbol => value is not (0x00A9 or 0x00AE or 0x2122 or 0x00B0 or 0x2116),
            _ => false,
        };
    }

    [GeneratedRegex(@"^[ ]{0,3}(```|~~~)[^\n]*\n.*?(^[ ]{0,3}\1[^\n]*$|\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCodeBlock();

    [GeneratedRegex(@"<!--.*?(-->|\z)", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"<(?:(?:https?|ftp|mailto):[^\s<>]+|[^\s<>@]+@[^\s<>]+)>", RegexOptions.IgnoreCase)]
    private static partial Regex Autolink();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"^\s{0,3}=+\s*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")]
    private static partial Regex TableDivider();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"^\s*(?:>\s?)+")]
    private static partial Regex Blockquote();

    [GeneratedRegex(@"^\s{0,3}#{1,6}(?:\s+|$)")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\s+#+\s*$")]
    private static partial Regex ClosingHashes();

    [GeneratedRegex(@"^\s*[-*+•◦‣]\s+")]
    private static partial Regex ListBullet();

    [GeneratedRegex(@"^\s*(?<number>[0-9]{1,3})[.)]\s+")]
    private static partial Regex OrderedListMarker();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\[[^\]]*\]")]
    private static partial Regex ReferenceLink();

    // Trailing sentence punctuation after a URL belongs to the sentence, not the URL.
    [GeneratedRegex(@"\b(?:(?:https?|ftp)://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,!?;:'""]", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")]
    private static partial Regex Email();

    [GeneratedRegex(@"\(\s*\)|\[\s*\]")]
    private static partial Regex EmptyBrackets();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+([.,!?;:])")]
    private static partial Regex SpaceBeforePunctuation();
}
