namespace VideoPipeline.Providers.AzureOpenAI.Video;

/// <summary>What both Sora providers configure: deployments, polling pace and download limits.</summary>
public abstract class SoraOptions : AzureOpenAICapabilityOptions
{
    /// <summary>Suggested wait between polls when the service sends no Retry-After.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long streaming one finished clip to disk may take.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Sora 1, the Azure-only jobs API. Bound from <c>AzureOpenAI:Sora1</c>; registered only when it has deployments.</summary>
public sealed class Sora1Options : SoraOptions
{
    public const string Section = "AzureOpenAI:Sora1";
}

/// <summary>Sora 2, the videos API. Bound from <c>AzureOpenAI:Sora2</c>; registered only when it has deployments.</summary>
public sealed class Sora2Options : SoraOptions
{
    public const string Section = "AzureOpenAI:Sora2";
}
