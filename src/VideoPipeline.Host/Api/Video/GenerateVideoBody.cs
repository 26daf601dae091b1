using System.Text.Json;

namespace VideoPipeline.Host.Api.Video;

/// <summary>
/// <c>POST /api/video/generate</c>: seed 002's request (prompt, campaign_id, duration_seconds, style,
/// voice_settings, editing_instructions, brand_guidelines_id) plus output and delivery options. Everything
/// is optional here so that a missing field is reported by name rather than as a parse failure.
/// </summary>
public sealed record GenerateVideoBody
{
    /// <summary>What the video is about; 1–4,000 characters.</summary>
    public string? Prompt { get; init; }

    public string? CampaignId { get; init; }

    /// <summary>Length in seconds, more than 0 and at most 600; 30 when absent.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>Look and music mood, e.g. professional, energetic, calm, cinematic.</summary>
    public string? Style { get; init; }

    public VoiceSettingsBody? VoiceSettings { get; init; }

    public IReadOnlyList<EditingInstructionBody>? EditingInstructions { get; init; }

    public string? BrandGuidelinesId { get; init; }

    /// <summary>1280x720, 720x1280 or 1080x1080.</summary>
    public string? Resolution { get; init; }

    /// <summary>16:9, 9:16 or 1:1: another way to pick the resolution.</summary>
    public string? AspectRatio { get; init; }

    /// <summary>cover (crop to fill) or contain (letterbox).</summary>
    public string? Fit { get; init; }

    /// <summary>Burned-in captions plus SRT/VTT files; true when absent.</summary>
    public bool? Captions { get; init; }

    public CaptionStyleBody? CaptionStyle { get; init; }

    /// <summary>A music bed to use instead of the composed one; fetched once, at submission.</summary>
    public string? MusicUrl { get; init; }

    /// <summary>Receives the job's events (signed); absolute http or https.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>Any JSON object: returned unchanged with the job and every event.</summary>
    public JsonElement? Metadata { get; init; }

    /// <summary>Higher starts sooner among waiting jobs; clamped to 0–10.</summary>
    public int? Priority { get; init; }
}

/// <summary>Seed 002's voice_settings, plus speed.</summary>
public sealed record VoiceSettingsBody
{
    public string? VoiceId { get; init; }

    public string? Language { get; init; }

    public string? Emotion { get; init; }

    /// <summary>Speech rate, 0.5–2.0.</summary>
    public double? Speed { get; init; }
}

/// <summary>Seed 002's editing_instructions entry: text_overlay is applied, other types are reported as ignored.</summary>
public sealed record EditingInstructionBody
{
    public string? Type { get; init; }

    public string? Text { get; init; }

    /// <summary>Seconds from the start of the video.</summary>
    public double? Timestamp { get; init; }

    /// <summary>Seconds on screen; 3 when absent.</summary>
    public double? Duration { get; init; }

    /// <summary>top, center or bottom.</summary>
    public string? Position { get; init; }
}

/// <summary>How burned-in captions look.</summary>
public sealed record CaptionStyleBody
{
    public int? FontSize { get; init; }

    public string? FontName { get; init; }

    /// <summary>#RRGGBB.</summary>
    public string? PrimaryColor { get; init; }

    /// <summary>#RRGGBB.</summary>
    public string? OutlineColor { get; init; }

    /// <summary>Numpad position: 1–3 bottom, 4–6 middle, 7–9 top.</summary>
    public int? Alignment { get; init; }

    public int? WordsPerLine { get; init; }
}
