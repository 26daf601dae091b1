using System.Globalization;
using System.Text;
using VideoPipeline.Domain;

namespace VideoPipeline.Media.Captions;

/// <summary>
/// Advanced SubStation Alpha for burning captions with FFmpeg's subtitles filter. The canvas is
/// 288 lines high, as FFmpeg uses for SRT with force_style, so seed users' FontSize 20 keeps its
/// size; the width follows the video's aspect ratio so glyphs are not stretched.
/// </summary>
public static class AssWriter
{
    public const int PlayResY = 288;

    /// <summary>Keeps a wrapped caption word from touching the frame edge (in canvas units).</summary>
    private const int SideMargin = 10;

    /// <summary>Lifts bottom captions off the frame edge (in canvas units).</summary>
    private const int VerticalMargin = 18;

    public static string Write(IReadOnlyList<CaptionCue> cues, CaptionStyle style, int videoWidth, int videoHeight)
    {
        ArgumentNullException.ThrowIfNull(cues);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(videoWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(videoHeight);
        if (style.FontSize <= 0)
        {
            throw new ArgumentException($"CaptionStyle.FontSize must be positive, got {style.FontSize}.", nameof(style));
        }

        if (style.Alignment is < 1 or > 9)
        {
            throw new ArgumentException($"CaptionStyle.Alignment must be an ASS numpad position 1-9, got {style.Alignment}.", nameof(style));
        }

        var primary = ToAssColor(style.PrimaryColor)
            ?? throw new ArgumentException(BadColor(nameof(CaptionStyle.PrimaryColor), style.PrimaryColor), nameof(style));
        var outline = ToAssColor(style.OutlineColor)
            ?? throw new ArgumentException(BadColor(nameof(CaptionStyle.OutlineColor), style.OutlineColor), nameof(style));
        var playResX = Math.Max(1, (int)Math.Round((double)PlayResY * videoWidth / videoHeight, MidpointRounding.AwayFromZero));

        var builder = new StringBuilder();
        builder.Append("[Script Info]\n")
            .Append("ScriptType: v4.00+\n")
            .Append(Invariant($"PlayResX: {playResX}\n"))
            .Append(Invariant($"PlayResY: {PlayResY}\n"))
            .Append("WrapStyle: 0\n")
            .Append("ScaledBorderAndShadow: yes\n")
            .Append('\n')
            .Append("[V4+ Styles]\n")
            .Append("Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n")
            .Append(Invariant($"Style: Default,{SanitizeFontName(style.FontName)},{style.FontSize},{primary},{primary},{outline},&H80000000,-1,0,0,0,100,100,0,0,1,2,0,{style.Alignment},{SideMargin},{SideMargin},{VerticalMargin},1\n"))
            .Append('\n')
            .Append("[Events]\n")
            .Append("Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n");

        foreach (var cue in cues)
        {
            var (start, end) = SubtitleTime.Span(cue.Start, cue.End, 100);
            builder.Append("Dialogue: 0,")
                .Append(SubtitleTime.Centiseconds(start)).Append(',')
                .Append(SubtitleTime.Centiseconds(end))
                .Append(",Default,,0,0,0,,")
                .Append(EscapeText(cue.Text))
                .Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>"#RRGGBB" to ASS "&amp;H00BBGGRR" (alpha 00 is opaque); null when it is not a colour.</summary>
    internal static string? ToAssColor(string? color)
    {
        var hex = color?.Trim() ?? "";
        hex = hex.StartsWith('#') ? hex[1..] : hex;
        return hex.Length == 6 && hex.All(char.IsAsciiHexDigit)
            ? ("&H00" + hex[4..6] + hex[2..4] + hex[0..2]).ToUpperInvariant()
            : null;
    }

    private static string BadColor(string field, string? value) => $"CaptionStyle.{field} must be a colour like #RRGGBB, got \"{value}\".";

    /// <summary>The Style line is comma-separated, so a comma in the font name would shift every later field.</summary>
    internal static string SanitizeFontName(string? fontName)
    {
        var cleaned = new string((fontName ?? "").Where(c => c != ',' && !char.IsControl(c)).ToArray()).Trim();
        return cleaned.Length > 0 ? cleaned : new CaptionStyle().FontName;
    }

    /// <summary>
    /// Cue text as literal ASS text: braces would open override blocks, and \N, \n or \h would act as
    /// line breaks and hard spaces, so a word joiner (invisible) follows every backslash. Lines join with \N.
    /// </summary>
    internal static string EscapeText(string? text) => string.Join(
        "\\N",
        CueText.Lines(text).Select(line => line
            .Replace("\\", "\\\u2060", StringComparison.Ordinal)
            .Replace('{', '(')
            .Replace('}', ')')));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
