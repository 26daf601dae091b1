using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Host.Api.Auth;
using VideoPipeline.Host.Api.Tasks;
using VideoPipeline.Serialization;

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
        services.AddSingleton<Limits.JsonBodyReader>();
        services.AddSingleton<ApiKeyStore>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddTaskApi(configuration);
        return services;
    }
}
