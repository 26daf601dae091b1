using System.Text.Json.Serialization;

namespace VideoFunctions.Whisper.Transcription;

/// <summary>
/// OpenAI's <c>verbose_json</c> transcription (openai-python <c>transcription_verbose.py</c>): times in seconds,
/// <c>words</c> and <c>segments</c> present as the request's timestamp granularities ask.
/// </summary>
public sealed record VerboseTranscription(
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("duration")] double Duration,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("segments"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TranscriptionSegment>? Segments,
    [property: JsonPropertyName("words"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TranscriptionWord>? Words);

/// <param name="Seek">The segment's start in 10 ms frames (whisper.cpp does not report its 30 s window).</param>
/// <param name="Temperature">The request's sampling temperature (whisper.cpp's fallback retries are not reported).</param>
public sealed record TranscriptionSegment(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("seek")] int Seek,
    [property: JsonPropertyName("start")] double Start,
    [property: JsonPropertyName("end")] double End,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("tokens")] IReadOnlyList<int> Tokens,
    [property: JsonPropertyName("temperature")] double Temperature,
    [property: JsonPropertyName("avg_logprob")] double AverageLogProbability,
    [property: JsonPropertyName("compression_ratio")] double CompressionRatio,
    [property: JsonPropertyName("no_speech_prob")] double NoSpeechProbability);

public sealed record TranscriptionWord(
    [property: JsonPropertyName("word")] string Word,
    [property: JsonPropertyName("start")] double Start,
    [property: JsonPropertyName("end")] double End,
    [property: JsonPropertyName("probability")] double Probability);
