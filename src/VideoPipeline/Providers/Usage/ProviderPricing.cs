using Microsoft.Extensions.Options;
using VideoPipeline.Domain;

namespace VideoPipeline.Providers.Usage;

/// <summary>Estimated cost of a provider call: its units times the configured unit prices.</summary>
public sealed class ProviderPricing(IOptions<ProviderPricingOptions> options)
{
    public decimal Estimate(string provider, IReadOnlyDictionary<string, double> units)
    {
        var cost = 0m;
        foreach (var price in options.Value.Prices.Where(p => string.Equals(p.Provider, provider, StringComparison.Ordinal)))
        {
            if (units.TryGetValue(price.Unit, out var quantity))
            {
                cost += (decimal)quantity * price.Price;
            }
        }

        return decimal.Round(cost, 6);
    }

    /// <summary>The usage with its estimated cost and currency filled in.</summary>
    public ProviderUsage Price(ProviderUsage usage) =>
        usage with { EstimatedCost = this.Estimate(usage.Provider, usage.Units), Currency = options.Value.Currency };
}
