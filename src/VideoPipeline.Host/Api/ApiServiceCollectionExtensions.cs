using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoPipeline.Host.Api.Auth;
using VideoPipeline.Host.Api.Jobs;
using VideoPipeline.Host.Api.Limits;
using VideoPipeline.Host.Api.Tasks;
using VideoPipeline.Host.Api.Video;
using VideoPipeline.Media.Fetching;
using VideoPipeline.Serialization;
using VideoPipeline.Storage.Health;

namespace VideoPipeline.Host.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The HTTP API's services: seed-shaped JSON (snake_case), problem details, API-key auth.</summary>
    public static IServiceCollection AddVideoFunctionsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section));
        services.Configure<JsonOptions>(o =>
        {
            var json = o.SerializerOptions;
            var pipeline = PipelineJson.Options;
            json.PropertyNamingPolicy = pipeline.PropertyNamingPolicy;
            json.DictionaryKeyPolicy = pipeline.DictionaryKeyPolicy;
            json.DefaultIgnoreCondition = pipeline.DefaultIgnoreCondition;
            json.NumberHandling = pipeline.NumberHandling;
            foreach (var converter in pipeline.Converters)
            {
                json.Converters.Add(converter);
            }
        });
        services.AddProblemDetails();
        services.AddSingleton<JsonBodyReader>();
        services.AddSingleton<ApiKeyStore>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section));
        services.AddApiRateLimiting();
        services.AddOpenApi("v1");
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStorageHealthProbe, FFmpegHealthProbe>());
        services.AddVideoEndpoints(configuration);
        services.AddTaskApi(configuration);
        return services;
    }

    /// <summary>The video job endpoints' services and the stalled-job watchdog.</summary>
    private static IServiceCollection AddVideoEndpoints(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VideoApiOptions>().Bind(configuration.GetSection(VideoApiOptions.Section));
        services.AddOptions<JobWatchdogOptions>().Bind(configuration.GetSection(JobWatchdogOptions.Section));
        services.AddSingleton<JobStatusCache>();
        services.AddSingleton<JobStatusMapper>();
        services.AddSafeDownloader(configuration);
        services.AddSingleton<MusicImporter>();
        services.AddSingleton<JobWatchdog>();
        services.AddHostedService(provider => provider.GetRequiredService<JobWatchdog>());
        return services;
    }
}
