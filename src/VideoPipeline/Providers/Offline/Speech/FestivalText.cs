using System.Globalization;
using System.Text;
using VideoPipeline.Media.Captions;

namespace VideoPipeline.Providers.Offline.Speech;

/// <summary>
/// Festival reads Latin-1 text. Narration is cleaned of unspeakable tokens (the same cleaning the
/// captions use, so speech and captions say the same words), then typographic characters are folded
/// to ASCII and accents stripped rather than letting festival mispronounce or choke on them.
/// </summary>
public static class FestivalText
{
    public static string Prepare(string text)
    {
        var cleaned = SpeakableText.Clean(text)
            .Replace('\u2018', '\'').Replace('\u2019', '\'')
            .Replace('\u201C', '"').Replace('\u201D', '"')
            .Replace('\u2013', '-').Replace('\u2014', '-')
            .Replace("\u2026", "...", StringComparison.Ordinal);

        var builder = new StringBuilder(cleaned.Length);
        foreach (var c in cleaned.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c is >= ' ' and <= '~' ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
