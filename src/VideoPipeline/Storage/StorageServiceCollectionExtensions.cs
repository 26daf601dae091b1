using global::Azure.Core;
using global::Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Storage.Azure;
using VideoPipeline.Storage.Health;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Storage;

public static class StorageServiceCollectionExtensions
{
    public const string StorageHttpClientName = "AzureStorage";

    /// <summary>
    /// The asset store (Blob storage; Azurite locally), the Blob/Queue REST client and the blob health probe,
    /// configured from the <c>Storage</c> section.
    /// </summary>
    public static IServiceCollection AddAzureStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The pipeline sets its own per-attempt timeout; connections are recycled so DNS changes are seen.
        services.AddHttpClient(StorageHttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = System.Net.DecompressionMethods.None,
            });

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var connection = StorageConnectionString.Parse(options.ConnectionString);
            TokenCredential? credential = connection.HasAccountKey
                ? null
                : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrEmpty(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId });
            return new AzureStorageClient(
                connection,
                options,
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(StorageHttpClientName),
                credential,
                provider.GetService<ILogger<AzureStorageClient>>());
        });
        services.TryAddSingleton(provider => provider.GetRequiredService<AzureStorageClient>().Blobs);
        services.TryAddSingleton(provider => provider.GetRequiredService<AzureStorageClient>().Queues);
        services.TryAddSingleton<BlobAssetStore>();
        services.TryAddSingleton<IAssetStore>(provider => provider.GetRequiredService<BlobAssetStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStorageHealthProbe, BlobStorageHealthProbe>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStorageHealthProbe, QueueStorageHealthProbe>());
        return services;
    }

    /// <summary>The Cosmos DB task store and its health probe, configured from the <c>TaskStore</c> section.</summary>
    public static IServiceCollection AddTaskStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TaskStoreOptions>().Bind(configuration.GetSection(TaskStoreOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => CosmosClientFactory.Create(provider.GetRequiredService<IOptions<TaskStoreOptions>>().Value));
        services.TryAddSingleton<CosmosTaskStore>();
        services.TryAddSingleton<ITaskStore>(provider => provider.GetRequiredService<CosmosTaskStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStorageHealthProbe, TaskStoreHealthProbe>());
        return services;
    }
}
