namespace VideoPipeline.Domain;

/// <summary>
/// Seed 002 editing_instructions entry. Only <c>text_overlay</c> is applied today;
/// other types are reported back as ignored, never silently dropped.
/// </summary>
public sealed record EditingInstruction
{
    public const string TextOverlay = "text_overlay";

    public string Type { get; init; } = TextOverlay;
    public string? Text { get; init; }

    /// <summary>Seconds from the start of the final video.</summary>
    public double Timestamp { get; init; }

    /// <summary>Seconds on screen; defaults to <see cref="DefaultOverlayDuration"/>.</summary>
    public double? Duration { get; init; }

    /// <summary>top, center or bottom. Top keeps overlays clear of burned captions.</summary>
    public string? Position { get; init; }

    public const double DefaultOverlayDuration = 3.0;
    public const int MaxTextLength = 200;
}
