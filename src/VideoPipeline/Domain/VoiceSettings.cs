namespace VideoPipeline.Domain;

/// <summary>Seed 002 voice_settings, plus an explicit speed multiplier.</summary>
public sealed record VoiceSettings
{
    public string? VoiceId { get; init; }
    public string Language { get; init; } = "en";
    public string? Emotion { get; init; }

    /// <summary>Speech rate multiplier: 1.0 is the voice's natural pace.</summary>
    public double Speed { get; init; } = 1.0;
}
