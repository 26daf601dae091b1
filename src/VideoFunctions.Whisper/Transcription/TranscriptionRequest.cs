namespace VideoFunctions.Whisper.Transcription;

/// <summary>The form fields of an OpenAI-style transcription request that this server honours.</summary>
public sealed record TranscriptionRequest(
    string? Language,
    string? Prompt,
    float Temperature,
    TranscriptionFormat Format,
    bool Words,
    bool Segments,
    string? RequestedModel);

public enum TranscriptionFormat
{
    Json,
    VerboseJson,
    Text,
}
