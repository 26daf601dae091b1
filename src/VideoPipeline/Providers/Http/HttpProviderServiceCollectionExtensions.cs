using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoPipeline.Providers.Usage;
using VideoPipeline.Resilience;

namespace VideoPipeline.Providers.Http;

internal static class HttpProviderServiceCollectionExtensions
{
    /// <summary>
    /// What every HTTP provider client needs: its named HttpClient with the outbound resilience policy (retries,
    /// a circuit per server, <see cref="HttpProviderOptions.RequestTimeout"/> per attempt), pricing, a clock and logging.
    /// </summary>
    public static IServiceCollection AddHttpProvider<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : HttpProviderOptions
    {
        services.AddProviderPricing(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();

        // The policy times each attempt; pooled connections are recycled so DNS changes are seen.
        services.AddHttpClient(section, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .AddOutboundResilience<TOptions>(options => options.RequestTimeout);
        return services;
    }
}
