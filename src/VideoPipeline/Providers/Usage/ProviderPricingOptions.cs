namespace VideoPipeline.Providers.Usage;

/// <summary>Unit prices for the cost estimate in the usage ledger. Bound from the <c>ProviderPricing</c> section.</summary>
public sealed class ProviderPricingOptions
{
    public const string Section = "ProviderPricing";

    public string Currency { get; set; } = "USD";

    /// <summary>Price per unit, by provider name and unit (the keys of <see cref="Domain.ProviderUsage.Units"/>); no entry costs 0.</summary>
    public IList<UnitPrice> Prices { get; set; } = [];
}

public sealed class UnitPrice
{
    /// <summary>A provider name exactly as it records usage, e.g. "comfyui/hunyuan-video".</summary>
    public string Provider { get; set; } = "";

    /// <summary>e.g. "gpu_seconds", "video_seconds", "audio_seconds", "characters", "input_tokens".</summary>
    public string Unit { get; set; } = "";

    public decimal Price { get; set; }
}
