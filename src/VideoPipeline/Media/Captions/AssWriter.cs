using VideoPipeline.Domain;
using VideoPipeline.Media.Text;

namespace VideoPipeline.Media.Captions;

/// <summary>
/// Captions as an ASS script for libass, laid out by <see cref="TextFitter"/> with the font stack: each cue
/// is wrapped and, if need be, shrunk to stay in the title-safe area, at the style's alignment. Sizes keep
/// the seed's meaning: FontSize is in lines of a 288-line canvas (FFmpeg's SRT default), so 20 is the same
/// size at every resolution.
/// </summary>
public static class AssWriter
{
    public const int PlayResY = 288;

    /// <summary>Outline thickness in 288-line units, as the seed style's.</summary>
    private const double OutlineWidth = 2;

    /// <summary>A caption shrinks to at most this share of its size before it is cut.</summary>
    private const double MinScale = 0.7;

    private const int MaxLines = 3;

    public static string Write(IReadOnlyList<CaptionCue> cues, CaptionStyle style, int videoWidth, int videoHeight, TextFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(cues);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(fonts);
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

        _ = ToAssColor(style.PrimaryColor) ?? throw new ArgumentException(BadColor(nameof(CaptionStyle.PrimaryColor), style.PrimaryColor), nameof(style));
        _ = ToAssColor(style.OutlineColor) ?? throw new ArgumentException(BadColor(nameof(CaptionStyle.OutlineColor), style.OutlineColor), nameof(style));

        var unit = videoHeight / (double)PlayResY;
        var face = fonts.Named(style.FontName);
        var em = style.FontSize * unit / (face.Ascent + face.Descent);
        var look = new TextLook { Fill = style.PrimaryColor.Trim(), OutlineColor = style.OutlineColor.Trim(), Outline = OutlineWidth * unit };
        var bands = new ScreenBands(videoWidth, videoHeight, fonts.Options.SafeMargin);
        var width = bands.SafeWidth - (2 * look.Bleed);
        var (safeTop, safeBottom) = (videoHeight * bands.SafeMargin, videoHeight * (1 - bands.SafeMargin));
        var align = ((style.Alignment - 1) % 3) switch { 0 => TextAlign.Left, 2 => TextAlign.Right, _ => TextAlign.Center };
        var script = new AssScript(videoWidth, videoHeight, face);
        foreach (var cue in cues)
        {
            var fit = new TextFit(em, em * MinScale, width, (safeBottom - safeTop) / 2, MaxLines);
            var block = TextFitter.Fit(string.Join("\n", CueText.Lines(cue.Text)), fonts, face, fit);
            var y = style.Alignment switch
            {
                >= 7 => safeTop + look.Bleed,
                >= 4 => (videoHeight - block.Height) / 2,
                _ => safeBottom - look.Bleed - block.Height,
            };
            script.Add(block, bands.Left + look.Bleed, y, width, align, look, cue.Start, cue.End);
        }

        return script.Build();
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
}
