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
        services.TryAddSingleton(RegistryFrom);
        services.TryAddSingleton<DataConverter>(JsonDataConverter.Default);
        services.TryAddSingleton<DurableEngine>();
        services.TryAddSingleton<DurableClient>();
        services.AddHostedService<DurableWorker>();
        return services;
    }

    /// <summary>Adds orchestrators and activities to the one <see cref="TaskRegistry"/>; modules call it independently.</summary>
    public static IServiceCollection AddDurableTasks(this IServiceCollection services, Action<TaskRegistry> register)
    {
        services.AddSingleton(new TaskRegistration(register));
        services.TryAddSingleton(RegistryFrom);
        return services;
    }

    private static TaskRegistry RegistryFrom(IServiceProvider services)
    {
        var registry = new TaskRegistry();
        foreach (var registration in services.GetServices<TaskRegistration>())
        {
            registration.Register(registry);
        }

        return registry;
    }
}

/// <summary>One module's contribution to the <see cref="TaskRegistry"/>.</summary>
public sealed record TaskRegistration(Action<TaskRegistry> Register);
