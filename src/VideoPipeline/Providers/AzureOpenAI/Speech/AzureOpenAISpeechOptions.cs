namespace VideoPipeline.Providers.AzureOpenAI.Speech;

/// <summary>The text-to-speech deployments (gpt-4o-mini-tts, tts-1, tts-1-hd). Bound from <c>AzureOpenAI:Speech</c>.</summary>
public sealed class AzureOpenAISpeechOptions : AzureOpenAICapabilityOptions
{
    public const string Section = "AzureOpenAI:Speech";

    public AzureOpenAISpeechOptions() => this.Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Used when the request names no voice or one the service does not have.</summary>
    public string DefaultVoice { get; set; } = "alloy";

    /// <summary>False for tts-1 and tts-1-hd, which reject <c>instructions</c>; emotion is then reported as ignored.</summary>
    public bool SupportsInstructions { get; set; } = true;

    /// <summary>Largest speed-up (relative to the requested speed) used to fit a scene before time-stretching.</summary>
    public double MaxFitSpeed { get; set; } = 1.35;

    /// <summary>Longest input of one request; longer narration is split at sentence boundaries (the API takes 4096).</summary>
    public int MaxChunkCharacters { get; set; } = 4096;
}
