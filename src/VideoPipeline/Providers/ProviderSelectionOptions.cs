namespace VideoPipeline.Providers;

/// <summary>Which engine serves each capability. Bound from the <c>Providers</c> section; everything is offline by default.</summary>
public sealed class ProviderSelectionOptions
{
    public const string Section = "Providers";

    public const string Offline = "offline";

    public const string AzureOpenAI = "azure-openai";

    /// <summary>A speaches / faster-whisper container (OpenAI-compatible transcriptions API).</summary>
    public const string WhisperOpenAI = "whisper-openai";

    /// <summary>A whisper.cpp server (<c>/inference</c>).</summary>
    public const string WhisperCpp = "whisper-cpp";

    /// <summary>offline (rule-based) or azure-openai.</summary>
    public string Planner { get; set; } = Offline;

    /// <summary>offline (blocklist) or azure-openai.</summary>
    public string Moderation { get; set; } = Offline;

    /// <summary>offline (festival) or azure-openai.</summary>
    public string Speech { get; set; } = Offline;

    /// <summary>offline (pocketsphinx), azure-openai, whisper-openai or whisper-cpp.</summary>
    public string Transcription { get; set; } = Offline;

    /// <summary>The selected engine for <paramref name="capability"/>, normalised; an unknown one stops start-up naming the setting.</summary>
    public static string Choice(string? value, string capability)
    {
        var choice = string.IsNullOrWhiteSpace(value) ? Offline : value.Trim().ToLowerInvariant();
        string[] allowed = capability == nameof(Transcription)
            ? [Offline, AzureOpenAI, WhisperOpenAI, WhisperCpp]
            : [Offline, AzureOpenAI];
        return allowed.Contains(choice)
            ? choice
            : throw new InvalidOperationException($"{Section}:{capability} is '{value}'; use one of: {string.Join(", ", allowed)}");
    }
}
