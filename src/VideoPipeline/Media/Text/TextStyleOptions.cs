namespace VideoPipeline.Media.Text;

/// <summary>
/// The one home of on-screen text settings (captions, overlays, storyboard titles). Fonts are tried in
/// order for every character: the first that has its glyph draws it. A colour (CBDT) emoji font is drawn
/// as images beside the text. Files that are missing are skipped, so a machine without the Noto fonts
/// still renders Latin text with DejaVu.
/// </summary>
public sealed class TextStyleOptions
{
    public const string Section = "Text";

    /// <summary>Font files, "path" or "path#index" for a face in a collection (.ttc).</summary>
    public List<string> Fonts { get; set; } = [];

    /// <summary>Share of the width and height kept free of text at every edge (title-safe area).</summary>
    public double SafeMargin { get; set; } = 0.07;

    /// <summary>The stack used when <see cref="Fonts"/> is empty: bold Latin, Arabic, CJK, symbols, colour emoji, then DejaVu.</summary>
    public static IReadOnlyList<string> DefaultFonts { get; } =
    [
        "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansHebrew-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansThai-Bold.ttf",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc#0",
        "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansSymbols-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ];

    public IReadOnlyList<string> EffectiveFonts => this.Fonts.Count > 0 ? this.Fonts : DefaultFonts;
}
