namespace VideoPipeline.Domain;

/// <summary>
/// Burned-caption style. Field names and defaults follow seed 001's burn job
/// (fontSize 20 on the 288-line ASS canvas, yellow text, black outline, bottom centre),
/// and seed 003's three words per line.
/// </summary>
public sealed record CaptionStyle
{
    public int FontSize { get; init; } = 20;
    public string FontName { get; init; } = "Arial Black";
    public string PrimaryColor { get; init; } = "#ffff00";
    public string OutlineColor { get; init; } = "#000000";

    /// <summary>ASS numpad alignment: 1-3 bottom, 4-6 middle, 7-9 top; 2 is bottom centre.</summary>
    public int Alignment { get; init; } = 2;

    public int WordsPerLine { get; init; } = 3;
}
