using VideoPipeline.Domain;

namespace VideoPipeline.Providers;

/// <summary>Text to speech. Writes a WAV file at <c>outputPath</c>.</summary>
public interface ISpeechSynthesizer
{
    string Name { get; }

    Task<SpeechResult> SynthesizeAsync(SpeechRequest request, string outputPath, CancellationToken cancellationToken);
}

public sealed record SpeechRequest
{
    public required string Text { get; init; }
    public VoiceSettings Voice { get; init; } = new();

    /// <summary>When set, the speech is sped up (within limits) to fit this many seconds.</summary>
    public double? MaxDurationSeconds { get; init; }
}

/// <param name="Applied">Settings that took effect, e.g. "speed=1.10".</param>
/// <param name="Ignored">Requested settings this engine cannot honour, recorded in the manifest.</param>
public sealed record SpeechResult(
    double DurationSeconds,
    string Voice,
    IReadOnlyList<string> Applied,
    IReadOnlyList<string> Ignored);
