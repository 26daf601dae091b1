using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Resilience;

public static class ResilienceServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="OutboundResilience"/> on a named client, configured from <typeparamref name="TOptions"/>, with one
    /// circuit per server (scheme, host and port), so a failing server does not stop calls to the others.
    /// </summary>
    public static IHttpClientBuilder AddOutboundResilience<TOptions>(this IHttpClientBuilder http, Func<TOptions, TimeSpan?> attemptTimeout)
        where TOptions : OutboundHttpOptions
    {
        http.AddResilienceHandler(http.Name, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value;
            pipeline.AddOutboundPolicy(options, attemptTimeout(options));
        }).SelectPipelineByAuthority();
        return http;
    }
}
