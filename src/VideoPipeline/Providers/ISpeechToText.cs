using VideoPipeline.Domain;

namespace VideoPipeline.Providers;

/// <summary>Speech to text with word times.</summary>
public interface ISpeechToText
{
    string Name { get; }

    Task<Transcript> TranscribeAsync(string audioPath, TranscriptionOptions transcriptionOptions, CancellationToken cancellationToken);
}

public sealed record TranscriptionOptions
{
    public string Language { get; init; } = "en";

    /// <summary>Whisper model size where the engine has one (seed 003: tiny, base, small, medium, large).</summary>
    public string? ModelSize { get; init; }
}
