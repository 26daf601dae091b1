using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VideoPipeline.Providers.Usage;

public static class UsageServiceCollectionExtensions
{
    /// <summary>Unit prices from the <c>ProviderPricing</c> section; safe to call from every provider's registration.</summary>
    public static IServiceCollection AddProviderPricing(this IServiceCollection services, IConfiguration configuration)
    {
        // Binding twice would append the price list twice and double every cost.
        if (services.Any(d => d.ServiceType == typeof(ProviderPricing)))
        {
            return services;
        }

        services.AddOptions<ProviderPricingOptions>().Bind(configuration.GetSection(ProviderPricingOptions.Section));
        services.TryAddSingleton<ProviderPricing>();
        return services;
    }
}
