using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Media.Probing;
using VideoPipeline.Providers.Http;
using VideoPipeline.Providers.Usage;

namespace VideoPipeline.Providers.ComfyUI;

public static class ComfyUIServiceCollectionExtensions
{
    /// <summary>
    /// HunyuanVideo on ComfyUI as an <see cref="IVideoJobProvider"/> named <see cref="ComfyHunyuanVideoProvider.ProviderName"/>
    /// (also resolvable as itself, and its <see cref="ComfyWorkflowBuilder"/> for generate-workflow), configured from
    /// the <c>ComfyUI</c> and <c>HunyuanVideo</c> sections. Nothing is called until a scene is routed to it.
    /// </summary>
    public static IServiceCollection AddComfyUIProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ComfyUIOptions>().Bind(configuration.GetSection(ComfyUIOptions.Section));
        services.AddOptions<HunyuanVideoOptions>().Bind(configuration.GetSection(HunyuanVideoOptions.Section));
        services.AddHttpProvider<ComfyUIOptions>(configuration, ComfyUIOptions.Section);

        services.TryAddSingleton<ComfyUIClient>();
        services.TryAddSingleton(provider => new ComfyHunyuanVideoProvider(
            provider.GetRequiredService<ComfyUIClient>(),
            provider.GetRequiredService<IOptions<ComfyUIOptions>>(),
            provider.GetRequiredService<IOptions<HunyuanVideoOptions>>(),
            provider.GetRequiredService<IMediaProbe>(),
            provider.GetRequiredService<ProviderPricing>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ComfyHunyuanVideoProvider>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVideoJobProvider, ComfyHunyuanVideoProvider>(
            provider => provider.GetRequiredService<ComfyHunyuanVideoProvider>()));
        services.TryAddSingleton(provider => provider.GetRequiredService<ComfyHunyuanVideoProvider>().Builder);
        return services;
    }
}
