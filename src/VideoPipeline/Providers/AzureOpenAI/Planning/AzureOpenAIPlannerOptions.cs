namespace VideoPipeline.Providers.AzureOpenAI.Planning;

/// <summary>The chat deployments that plan scenes. Bound from <c>AzureOpenAI:Planner</c>.</summary>
public sealed class AzureOpenAIPlannerOptions : AzureOpenAICapabilityOptions
{
    public const string Section = "AzureOpenAI:Planner";

    public AzureOpenAIPlannerOptions() => this.Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Sent as max_completion_tokens; a plan cut short by it counts as invalid.</summary>
    public int MaxOutputTokens { get; set; } = 4000;
}
