using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoPipeline.Providers.Http;

namespace VideoPipeline.Providers.Whisper;

public static class WhisperServiceCollectionExtensions
{
    /// <summary>
    /// The Whisper container clients, configured from the <c>Whisper</c> section. When
    /// <c>Providers:Transcription</c> is whisper-openai or whisper-cpp, that one becomes the
    /// <see cref="ISpeechToText"/> (whichever order this and the offline registration run in);
    /// otherwise nothing changes.
    /// </summary>
    public static IServiceCollection AddWhisperProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WhisperOptions>().Bind(configuration.GetSection(WhisperOptions.Section));
        services.AddOptions<ProviderSelectionOptions>().Bind(configuration.GetSection(ProviderSelectionOptions.Section));
        services.AddHttpProvider<WhisperOptions>(configuration, WhisperOptions.Section);

        var selected = ProviderSelectionOptions.Choice(
            configuration.GetSection(ProviderSelectionOptions.Section)[nameof(ProviderSelectionOptions.Transcription)],
            nameof(ProviderSelectionOptions.Transcription));
        WhisperServerKind? kind = selected switch
        {
            ProviderSelectionOptions.WhisperOpenAI => WhisperServerKind.OpenAICompatible,
            ProviderSelectionOptions.WhisperCpp => WhisperServerKind.WhisperCpp,
            _ => null,
        };
        if (kind is { } chosen)
        {
            // Registered after the offline default, the last registration wins; before it, TryAdd skips the default.
            services.AddSingleton<ISpeechToText>(provider => ActivatorUtilities.CreateInstance<WhisperSpeechToText>(provider, chosen));
        }

        return services;
    }
}
