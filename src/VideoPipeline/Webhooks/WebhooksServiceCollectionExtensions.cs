using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoPipeline.Media.Fetching;

namespace VideoPipeline.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="WebhookSender"/> configured from the <c>Webhooks</c> section, behind the same
    /// <see cref="DestinationPolicy"/> as downloads (<see cref="DestinationPolicy.PublicInternetOnly"/> unless a test registered another).
    /// </summary>
    public static IServiceCollection AddWebhookSender(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookSenderOptions>()
            .Bind(configuration.GetSection(WebhookSenderOptions.Section))
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(2), "Webhooks:Timeout must be positive and at most 2 minutes")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(DestinationPolicy.PublicInternetOnly);
        services.TryAddSingleton(provider => new WebhookSender(
            provider.GetRequiredService<IOptions<WebhookSenderOptions>>(),
            provider.GetRequiredService<DestinationPolicy>(),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
