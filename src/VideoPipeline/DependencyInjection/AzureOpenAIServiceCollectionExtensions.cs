using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Providers;
using VideoPipeline.Providers.AzureOpenAI;
using VideoPipeline.Providers.AzureOpenAI.Moderation;
using VideoPipeline.Providers.AzureOpenAI.Planning;
using VideoPipeline.Providers.AzureOpenAI.Speech;
using VideoPipeline.Providers.AzureOpenAI.Transcription;
using VideoPipeline.Providers.AzureOpenAI.Video;
using VideoPipeline.Providers.Offline.Planning;

namespace VideoPipeline.DependencyInjection;

public static class AzureOpenAIServiceCollectionExtensions
{
    public const string HttpClientName = "AzureOpenAI";

    /// <summary>
    /// The Azure OpenAI SDK clients (one per resource, <see cref="AzureOpenAIClients"/>) behind the deployment
    /// <see cref="AzureOpenAIRouter"/>, and the Azure providers the <c>Providers</c> section selects
    /// ("azure-openai" for Planner, Moderation, Speech, Transcription; "offline" keeps the offline one).
    /// A selected provider replaces whatever is registered for its port, so the call may come before or
    /// after <see cref="VideoPipelineServiceCollectionExtensions.AddOfflineProviders"/>. Sora 1 and Sora 2
    /// are added as <see cref="IVideoJobProvider"/>s when their sections list a deployment with an endpoint.
    /// </summary>
    public static IServiceCollection AddAzureOpenAIProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AzureOpenAIOptions>().Bind(configuration.GetSection(AzureOpenAIOptions.Section));
        var selection = configuration.GetSection(ProviderSelectionOptions.Section).Get<ProviderSelectionOptions>() ?? new ProviderSelectionOptions();
        services.AddOptions<ProviderSelectionOptions>().Bind(configuration.GetSection(ProviderSelectionOptions.Section));

        // The SDK's pipeline times and retries each attempt; its transport is this client, whose pooled connections
        // are recycled so DNS changes (failover) are seen. No resilience handler here: the SDK's retry policy is the one.
        services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new AzureOpenAIClients(
            provider.GetRequiredService<IOptions<AzureOpenAIOptions>>(),
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.TryAddSingleton(provider => new AzureOpenAIRouter(
            provider.GetRequiredService<AzureOpenAIClients>(),
            provider.GetRequiredService<IOptions<AzureOpenAIOptions>>(),
            provider.GetService<ILogger<AzureOpenAIRouter>>(),
            provider.GetRequiredService<TimeProvider>()));

        if (Selected(selection.Planner, nameof(selection.Planner)))
        {
            Capability<AzureOpenAIPlannerOptions>(services, configuration, AzureOpenAIPlannerOptions.Section);
            services.TryAddSingleton<RuleBasedScenePlanner>();
            services.Replace(ServiceDescriptor.Singleton<IScenePlanner, AzureOpenAIScenePlanner>());
        }

        if (Selected(selection.Moderation, nameof(selection.Moderation)))
        {
            Capability<AzureOpenAIModerationOptions>(services, configuration, AzureOpenAIModerationOptions.Section);
            services.TryAddSingleton<AzureOpenAIContentModerator>();
            services.Replace(ServiceDescriptor.Singleton<IContentModerator>(p => p.GetRequiredService<AzureOpenAIContentModerator>()));
            services.Replace(ServiceDescriptor.Singleton<IFrameModerator>(p => p.GetRequiredService<AzureOpenAIContentModerator>()));
        }

        if (Selected(selection.Speech, nameof(selection.Speech)))
        {
            Capability<AzureOpenAISpeechOptions>(services, configuration, AzureOpenAISpeechOptions.Section);
            services.Replace(ServiceDescriptor.Singleton<ISpeechSynthesizer, AzureOpenAISpeechSynthesizer>());
        }

        if (Selected(selection.Transcription, nameof(selection.Transcription)))
        {
            Capability<AzureOpenAITranscriptionOptions>(services, configuration, AzureOpenAITranscriptionOptions.Section);
            services.Replace(ServiceDescriptor.Singleton<ISpeechToText, AzureOpenAISpeechToText>());
        }

        services.AddOptions<Sora1Options>().Bind(configuration.GetSection(Sora1Options.Section));
        services.AddOptions<Sora2Options>().Bind(configuration.GetSection(Sora2Options.Section));
        if (HasDeployments(configuration, Sora1Options.Section))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IVideoJobProvider, Sora1VideoJobProvider>());
        }

        if (HasDeployments(configuration, Sora2Options.Section))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IVideoJobProvider, Sora2VideoJobProvider>());
        }

        return services;
    }

    // The sample settings list Sora deployments with empty values; those do not count.
    private static bool HasDeployments(IConfiguration configuration, string section) =>
        configuration.GetSection(section).GetSection(nameof(AzureOpenAICapabilityOptions.Deployments)).GetChildren()
            .Any(d => !string.IsNullOrWhiteSpace(d[nameof(AzureOpenAIDeployment.Endpoint)]) && !string.IsNullOrWhiteSpace(d[nameof(AzureOpenAIDeployment.Deployment)]));

    private static bool Selected(string value, string capability) =>
        ProviderSelectionOptions.Choice(value, capability) == ProviderSelectionOptions.AzureOpenAI;

    // A selected capability without a usable deployment fails when first resolved, naming the setting.
    private static void Capability<TOptions>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : AzureOpenAICapabilityOptions
    {
        services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(section))
            .Validate(
                o => o.Deployments.Count > 0 && o.Deployments.All(d => Uri.IsWellFormedUriString(d.Endpoint, UriKind.Absolute) && !string.IsNullOrWhiteSpace(d.Deployment)),
                $"{section}:Deployments needs at least one entry, each with an absolute Endpoint and a Deployment name")
            .ValidateOnStart();
    }
}
