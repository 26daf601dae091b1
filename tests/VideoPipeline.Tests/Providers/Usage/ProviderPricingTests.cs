using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Providers.Usage;

namespace VideoPipeline.Tests.Providers.Usage;

public sealed class ProviderPricingTests
{
    private readonly ProviderPricing pricing = new(Options.Create(new ProviderPricingOptions
    {
        Currency = "EUR",
        Prices =
        [
            new UnitPrice { Provider = "azure-openai/sora-2", Unit = "video_seconds", Price = 0.10m },
            new UnitPrice { Provider = "comfyui/hunyuan-video", Unit = "gpu_seconds", Price = 0.0009m },
        ],
    }));

    [Fact]
    public void Price_multiplies_each_priced_unit_and_sets_the_currency()
    {
        var usage = new ProviderUsage
        {
            Provider = "comfyui/hunyuan-video",
            Operation = "generate_video",
            Units = new Dictionary<string, double> { ["gpu_seconds"] = 200, ["video_seconds"] = 5 },
        };

        var priced = this.pricing.Price(usage);

        Assert.Equal((0.18m, "EUR"), (priced.EstimatedCost, priced.Currency));
    }

    [Fact]
    public void Estimate_provider_without_prices_costs_nothing()
    {
        Assert.Equal(0m, this.pricing.Estimate("offline/animatic", new Dictionary<string, double> { ["video_seconds"] = 30 }));
    }
}
