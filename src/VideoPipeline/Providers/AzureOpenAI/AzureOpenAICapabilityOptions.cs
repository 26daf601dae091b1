namespace VideoPipeline.Providers.AzureOpenAI;

/// <summary>What each capability (planner, moderation, speech, transcription, Sora) configures the same way.</summary>
public abstract class AzureOpenAICapabilityOptions
{
    /// <summary>In order of preference: a 429 or quota error on one moves the call to the next.</summary>
    public List<AzureOpenAIDeployment> Deployments { get; set; } = [];

    /// <summary>How long one attempt may take (headers and body, or headers only for downloads).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Price of one unit as the usage ledger counts them ("input_tokens", "output_tokens", "characters",
    /// "audio_seconds", "video_seconds"), in <see cref="AzureOpenAIOptions.Currency"/>; units without a price cost 0.
    /// </summary>
    public Dictionary<string, decimal> Prices { get; set; } = [];
}
