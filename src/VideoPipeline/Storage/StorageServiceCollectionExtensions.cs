using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoPipeline.Storage.Account;
using VideoPipeline.Storage.Health;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The storage account (<see cref="StorageConnection"/>, from the Functions connection <c>AzureWebJobsStorage</c>),
    /// its SDK clients registered with <c>AddAzureClients</c> (<see cref="BlobServiceClient"/>, <see cref="QueueServiceClient"/>
    /// with base64 messages as Functions queues use them, <see cref="TableServiceClient"/>), the asset store and the
    /// storage health probes. Retries and transfer sizes come from the <c>Storage</c> section.
    /// </summary>
    public static IServiceCollection AddAzureStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>>(new StorageOptionsValidator(configuration)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => StorageConnection.FromConfiguration(
            configuration.GetSection(StorageConnection.Name), provider.GetRequiredService<AzureComponentFactory>()));

        services.AddAzureClients(azure =>
        {
            azure.AddClient<BlobServiceClient, BlobClientOptions>((options, provider) => Connection(provider).CreateBlobServiceClient(options))
                .ConfigureOptions((options, provider) => Settings(provider).Apply(options));
            azure.AddClient<QueueServiceClient, QueueClientOptions>((options, provider) => Connection(provider).CreateQueueServiceClient(options))
                .ConfigureOptions((options, provider) => Settings(provider).Apply(options).MessageEncoding = QueueMessageEncoding.Base64);
            azure.AddClient<TableServiceClient, TableClientOptions>((options, provider) => Connection(provider).CreateTableServiceClient(options))
                .ConfigureOptions((options, provider) => Settings(provider).Apply(options));
        });

        services.TryAddSingleton(provider => new BlobReadLinks(
            provider.GetRequiredService<BlobServiceClient>(), Connection(provider), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<BlobAssetStore>();
        services.TryAddSingleton<IAssetStore>(provider => provider.GetRequiredService<BlobAssetStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStorageHealthProbe, BlobStorageHealthProbe>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStorageHealthProbe, QueueStorageHealthProbe>());
        return services;
    }

    /// <summary>
    /// The Cosmos DB task store and its health probe, configured from the <c>TaskStore</c> section. Its
    /// <see cref="Microsoft.Azure.Cosmos.CosmosClient"/> is registered with <c>AddAzureClients</c> like the storage
    /// clients, from one factory: the account key when the connection string has one, else Entra ID.
    /// </summary>
    public static IServiceCollection AddTaskStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TaskStoreOptions>().Bind(configuration.GetSection(TaskStoreOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddAzureClients(azure => azure.AddClient<Microsoft.Azure.Cosmos.CosmosClient, Microsoft.Azure.Cosmos.CosmosClientOptions>(
            (_, provider) => CosmosClientFactory.Create(provider.GetRequiredService<IOptions<TaskStoreOptions>>().Value)));
        services.TryAddSingleton<CosmosTaskStore>();
        services.TryAddSingleton<ITaskStore>(provider => provider.GetRequiredService<CosmosTaskStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStorageHealthProbe, TaskStoreHealthProbe>());
        return services;
    }

    private static StorageConnection Connection(IServiceProvider provider) => provider.GetRequiredService<StorageConnection>();

    private static StorageOptions Settings(IServiceProvider provider) => provider.GetRequiredService<IOptions<StorageOptions>>().Value;
}
