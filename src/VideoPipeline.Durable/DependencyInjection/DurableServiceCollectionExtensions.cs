using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoPipeline.Durable.Engine;

namespace VideoPipeline.Durable.DependencyInjection;

public static class DurableServiceCollectionExtensions
{
    /// <summary>
    /// The durable engine: client, dispatchers (a hosted worker) and options from the <c>Durable</c>
    /// section. The application registers its <see cref="TaskRegistry"/>, <see cref="DataConverter"/>
    /// and the backends (<see cref="IOrchestrationStore"/>, <see cref="IWorkQueues"/>).
    /// </summary>
    public static IServiceCollection AddDurableEngine(this IServiceCollection services, IConfiguration configuration, Action<DurableEngineOptions>? configure = null)
    {
        var options = services.AddOptions<DurableEngineOptions>().Bind(configuration.GetSection(DurableEngineOptions.Section));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DataConverter>(JsonDataConverter.Default);
        services.TryAddSingleton<DurableEngine>();
        services.TryAddSingleton<DurableClient>();
        services.AddHostedService<DurableWorker>();
        return services;
    }
}
