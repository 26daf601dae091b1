using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Durable;

public static class DurableServiceCollectionExtensions
{
    /// <summary>Adds orchestrators and activities to the one <see cref="WorkflowRegistry"/>; each module calls it for its own.</summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, Action<WorkflowRegistry> register)
    {
        services.AddSingleton(new WorkflowRegistration(register));
        services.TryAddSingleton(p =>
        {
            var registry = new WorkflowRegistry();
            foreach (var registration in p.GetServices<WorkflowRegistration>())
            {
                registration.Register(registry);
            }

            return registry;
        });
        return services;
    }

    /// <summary>What runs activities in any host: options, concurrency gates, cancellation and the delivery count.</summary>
    public static IServiceCollection AddDurableActivities(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DurableTaskOptions>().Bind(configuration.GetSection(DurableTaskOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ActivityGates>();
        services.TryAddSingleton<RunningActivities>();
        services.TryAddSingleton<ActivityRunner>();
        services.TryAddScoped<ActivityExecution>();
        return services;
    }
}

/// <summary>One module's contribution to the <see cref="WorkflowRegistry"/>.</summary>
public sealed record WorkflowRegistration(Action<WorkflowRegistry> Register);
