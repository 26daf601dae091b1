using VideoPipeline.Providers.Http;

namespace VideoPipeline.Providers.Whisper;

/// <summary>
/// Whisper GPU containers: speaches/faster-whisper (OpenAI-compatible) or the whisper.cpp server.
/// Bound from the <c>Whisper</c> section; which one transcribes is <see cref="ProviderSelectionOptions.Transcription"/>.
/// </summary>
public sealed class WhisperOptions : HttpProviderOptions
{
    public const string Section = "Whisper";

    public WhisperOptions()
    {
        // One attempt uploads the audio and waits for the whole transcription.
        this.RequestTimeout = TimeSpan.FromMinutes(10);
    }

    /// <summary>The OpenAI-compatible route (speaches).</summary>
    public string TranscriptionsPath { get; set; } = "v1/audio/transcriptions";

    /// <summary>The whisper.cpp server route (its <c>--inference-path</c>).</summary>
    public string InferencePath { get; set; } = "inference";

    /// <summary>The model asked for when a request names no size (speaches: a Hugging Face id).</summary>
    public string Model { get; set; } = "Systran/faster-whisper-small";

    /// <summary>Seed 003's model sizes to the server's model ids. whisper.cpp serves the model it loaded and takes none per request.</summary>
    public Dictionary<string, string> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tiny"] = "Systran/faster-whisper-tiny",
        ["base"] = "Systran/faster-whisper-base",
        ["small"] = "Systran/faster-whisper-small",
        ["medium"] = "Systran/faster-whisper-medium",
        ["large"] = "Systran/faster-whisper-large-v3",
    };

    /// <summary>whisper.cpp reads only 16 kHz WAV unless started with <c>--convert</c>: convert before upload.</summary>
    public bool ConvertToWav { get; set; } = true;
}
