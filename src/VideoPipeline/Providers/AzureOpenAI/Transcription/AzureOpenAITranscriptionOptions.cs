namespace VideoPipeline.Providers.AzureOpenAI.Transcription;

/// <summary>The Whisper deployments (verbose_json with word times). Bound from <c>AzureOpenAI:Transcription</c>.</summary>
public sealed class AzureOpenAITranscriptionOptions : AzureOpenAICapabilityOptions
{
    public const string Section = "AzureOpenAI:Transcription";

    public AzureOpenAITranscriptionOptions() => this.Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The service's upload limit; larger audio is sent as 16 kHz mono FLAC instead.</summary>
    public long MaxUploadBytes { get; set; } = 25 * 1024 * 1024;
}
