namespace VideoPipeline.Media.Text;

/// <summary>
/// How a block of text is drawn. Colours are "#RRGGBB" with an opacity 0–1; sizes in pixels.
/// A <see cref="Box"/> is drawn behind each line (drawtext's box), <see cref="Outline"/> around each glyph.
/// </summary>
public sealed record TextLook
{
    public string Fill { get; init; } = "#ffffff";

    public double FillOpacity { get; init; } = 1;

    public string OutlineColor { get; init; } = "#000000";

    public double Outline { get; init; }

    public double Shadow { get; init; }

    public double ShadowOpacity { get; init; } = 0.6;

    public string? Box { get; init; }

    public double BoxOpacity { get; init; } = 0.5;

    public double BoxPadding { get; init; }

    /// <summary>Fade in and out, seconds.</summary>
    public double FadeIn { get; init; }

    public double FadeOut { get; init; }

    /// <summary>How far ink reaches beyond the text's line box: outline, shadow or box.</summary>
    public double Bleed => Math.Max(this.Outline + this.Shadow, this.Box is null ? 0 : this.BoxPadding);
}

public enum TextAlign
{
    Left,
    Center,
    Right,
}
