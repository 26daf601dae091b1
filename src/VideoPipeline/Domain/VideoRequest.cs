namespace VideoPipeline.Domain;

/// <summary>
/// Seed 002's generate request (prompt, campaign_id, duration_seconds, style, voice_settings,
/// editing_instructions, brand_guidelines_id) plus output options.
/// </summary>
public sealed record VideoRequest
{
    public const int MaxPromptLength = 4000;
    public const double MaxDurationSeconds = 600;

    public required string Prompt { get; init; }
    public string? CampaignId { get; init; }
    public double DurationSeconds { get; init; } = 30;
    public string Style { get; init; } = "professional";
    public VoiceSettings VoiceSettings { get; init; } = new();
    public IReadOnlyList<EditingInstruction> EditingInstructions { get; init; } = [];
    public string? BrandGuidelinesId { get; init; }
    public Resolution Resolution { get; init; } = Resolution.Landscape720;
    public int Fps { get; init; } = 30;

    /// <summary>cover crops each clip to fill the frame; contain letterboxes it (seed 003).</summary>
    public FitMode Fit { get; init; } = FitMode.Cover;

    public bool Captions { get; init; } = true;
    public CaptionStyle CaptionStyle { get; init; } = new();
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}

public enum FitMode
{
    Cover,
    Contain,
}
