using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoPipeline.Providers.Usage;

namespace VideoPipeline.Providers.Http;

internal static class HttpProviderServiceCollectionExtensions
{
    /// <summary>What every HTTP provider client needs: its named HttpClient, pricing, a clock and logging.</summary>
    public static IServiceCollection AddHttpProvider(this IServiceCollection services, IConfiguration configuration, string section)
    {
        services.AddProviderPricing(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();

        // The pipeline sets a timeout per attempt; pooled connections are recycled so DNS changes are seen.
        services.AddHttpClient(section, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        return services;
    }
}
