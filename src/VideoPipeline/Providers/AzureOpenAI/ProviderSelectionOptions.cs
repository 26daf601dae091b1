namespace VideoPipeline.Providers.AzureOpenAI;

/// <summary>Which engine serves each capability. Bound from the <c>Providers</c> section; everything is offline by default.</summary>
public sealed class ProviderSelectionOptions
{
    public const string Section = "Providers";

    public const string Offline = "offline";

    public const string AzureOpenAI = "azure-openai";

    public string Planner { get; set; } = Offline;

    public string Moderation { get; set; } = Offline;

    public string Speech { get; set; } = Offline;

    public string Transcription { get; set; } = Offline;
}
