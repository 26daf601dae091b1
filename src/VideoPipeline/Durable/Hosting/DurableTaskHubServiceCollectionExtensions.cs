using DurableTask.AzureStorage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Durable.Hosting;

public static class DurableTaskHubServiceCollectionExtensions
{
    /// <summary>
    /// The local Durable backend: the Durable Task Framework on Azure Storage (Azurite), its worker (a hosted
    /// service, unless <c>DurableTask:WorkerEnabled</c> is false) and a <see cref="DurableTaskClient"/> on it.
    /// The application registers its <see cref="DataConverter"/> and its workflows (<see cref="DurableServiceCollectionExtensions.AddWorkflows"/>).
    /// </summary>
    public static IServiceCollection AddDurableTaskHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDurableActivities(configuration);
        services.TryAddSingleton<TaskHubStorage>();
        services.TryAddSingleton(p => AzureStorageTaskHub.Create(
            p.GetRequiredService<TaskHubStorage>(), p.GetRequiredService<IOptions<DurableTaskOptions>>(), p.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<DurableTaskClient>(p => new TaskHubClient(p.GetRequiredService<AzureStorageOrchestrationService>(), p.GetRequiredService<DataConverter>()));
        services.TryAddSingleton(p => new ActivityDeliveries(p.GetRequiredService<TaskHubStorage>().Tables, p.GetRequiredService<IOptions<DurableTaskOptions>>()));
        services.TryAddSingleton<TaskHubMaintenance>();
        services.AddHostedService<TaskHubWorkerService>();
        services.AddHostedService<ActivityCancellationWatcher>();
        return services;
    }
}
