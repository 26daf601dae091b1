using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Media.Fetching;

public static class FetchingServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="ISafeDownloader"/> configured from the <c>Downloads</c> section, guarded by
    /// <see cref="DestinationPolicy.PublicInternetOnly"/> unless a test registered another policy first.
    /// </summary>
    public static IServiceCollection AddSafeDownloader(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DownloadOptions>().Bind(configuration.GetSection(DownloadOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DownloadOptions>, DownloadOptionsValidator>());
        services.TryAddSingleton(DestinationPolicy.PublicInternetOnly);
        services.TryAddSingleton(provider => new SafeDownloader(
            provider.GetRequiredService<IOptions<DownloadOptions>>(),
            provider.GetRequiredService<DestinationPolicy>(),
            provider.GetService<ILogger<SafeDownloader>>()));
        services.TryAddSingleton<ISafeDownloader>(provider => provider.GetRequiredService<SafeDownloader>());
        return services;
    }
}
