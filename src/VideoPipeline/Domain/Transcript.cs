namespace VideoPipeline.Domain;

/// <summary>Speech-to-text result in one shape for every engine (pocketsphinx, Whisper servers, Azure OpenAI).</summary>
public sealed record Transcript
{
    public string Text { get; init; } = "";
    public string? Language { get; init; }
    public IReadOnlyList<TranscriptSegment> Segments { get; init; } = [];

    /// <summary>Recognised words with times in seconds from the start of the audio.</summary>
    public IReadOnlyList<TranscriptWord> Words { get; init; } = [];
}

public sealed record TranscriptSegment(double Start, double End, string Text);

public sealed record TranscriptWord(string Word, double Start, double End, double? Confidence = null);
