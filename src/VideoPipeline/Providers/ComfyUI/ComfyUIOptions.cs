using VideoPipeline.Providers.Http;

namespace VideoPipeline.Providers.ComfyUI;

/// <summary>The ComfyUI servers (GPU containers) and how to talk to them. Bound from the <c>ComfyUI</c> section.</summary>
public sealed class ComfyUIOptions : HttpProviderOptions
{
    public const string Section = "ComfyUI";

    /// <summary>How long streaming one finished video from <c>/view</c> to disk may take.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Suggested pause between polls (a HunyuanVideo clip takes minutes; polling faster buys nothing).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
}
