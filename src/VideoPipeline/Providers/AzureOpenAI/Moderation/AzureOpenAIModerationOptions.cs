namespace VideoPipeline.Providers.AzureOpenAI.Moderation;

/// <summary>The omni-moderation deployments. Bound from <c>AzureOpenAI:Moderation</c>.</summary>
public sealed class AzureOpenAIModerationOptions : AzureOpenAICapabilityOptions
{
    public const string Section = "AzureOpenAI:Moderation";

    public AzureOpenAIModerationOptions() => this.Timeout = TimeSpan.FromSeconds(30);
}
