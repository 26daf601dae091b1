using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Account;
using VideoPipeline.Storage.Health;
using VideoPipeline.Storage.Tasks;

using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Storage;

public sealed class StorageServiceCollectionTests
{
    [Fact]
    public void AddAzureStorage_defaults_to_the_blob_store_on_azurite()
    {
        using var services = Build([]);

        Assert.IsType<BlobAssetStore>(services.GetRequiredService<IAssetStore>());
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", services.GetRequiredService<BlobServiceClient>().Uri.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", services.GetRequiredService<QueueServiceClient>().Uri.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", services.GetRequiredService<TableServiceClient>().Uri.ToString().TrimEnd('/'));
    }

    [Fact]
    public void AddAzureStorage_one_connection_serves_every_client_and_the_durable_backend()
    {
        using var services = Build(new() { [StorageConnection.Name] = "DefaultEndpointsProtocol=https;AccountName=vfprod;AccountKey=a2V5;EndpointSuffix=core.windows.net" });

        var connection = services.GetRequiredService<StorageConnection>();

        Assert.Equal(connection.BlobServiceUri, services.GetRequiredService<BlobServiceClient>().Uri);
        Assert.Equal(connection.QueueServiceUri, services.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal(connection.TableServiceUri, services.GetRequiredService<TableServiceClient>().Uri);
        Assert.StartsWith("DefaultEndpointsProtocol=https;AccountName=vfprod", connection.ConnectionString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Storage:ConnectionString", "UseDevelopmentStorage=true", "AzureWebJobsStorage")]
    [InlineData("Storage:ManagedIdentityClientId", "00000000-0000-0000-0000-000000000001", "AzureWebJobsStorage__clientId")]
    public void AddAzureStorage_an_old_setting_name_fails_naming_its_new_home(string key, string value, string replacement)
    {
        using var services = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(replacement, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTaskStore_registers_the_cosmos_client_through_AddAzureClients()
    {
        using var services = Build([]);

        Assert.Equal(new Uri("https://localhost:8081/"), services.GetRequiredService<CosmosClient>().Endpoint);
    }

    [Fact]
    public void AddAzureStorage_binds_sas_lifetime_and_block_settings()
    {
        using var services = Build(new() { ["Storage:SasLifetime"] = "02:00:00", ["Storage:BlockSizeBytes"] = "1048576" });

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(TimeSpan.FromHours(2), options.SasLifetime);
        Assert.Equal(1048576, options.BlockSizeBytes);
    }

    [Fact]
    public void AddAzureStorage_block_size_out_of_range_fails_validation_naming_the_setting()
    {
        using var services = Build(new() { ["Storage:BlockSizeBytes"] = "1" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:BlockSizeBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTaskStore_registers_the_cosmos_store_and_a_probe_per_service()
    {
        using var services = Build(new() { ["TaskStore:Database"] = "other" });

        Assert.IsType<CosmosTaskStore>(services.GetRequiredService<ITaskStore>());
        Assert.Equal("other", services.GetRequiredService<IOptions<TaskStoreOptions>>().Value.Database);
        Assert.Equal(["blob", "queue", "cosmos"], services.GetServices<IStorageHealthProbe>().Select(p => p.Name));
    }

    [Fact]
    public void LocalSettingsSample_every_storage_setting_names_an_option_and_validates()
    {
        using var sample = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Emulators.RepositoryRoot, "local.settings.sample.json")));
        var settings = sample.RootElement.GetProperty("Values").EnumerateObject()
            .Where(p => p.Name.StartsWith("Storage__", StringComparison.Ordinal) || p.Name.StartsWith("TaskStore__", StringComparison.Ordinal)
                || p.Name.StartsWith(StorageConnection.Name, StringComparison.Ordinal))
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString());
        var known = typeof(StorageOptions).GetProperties().Where(p => p.CanWrite).Select(p => $"{StorageOptions.Section}:{p.Name}")
            .Concat(typeof(TaskStoreOptions).GetProperties().Select(p => $"{TaskStoreOptions.Section}:{p.Name}"))
            .Append(StorageConnection.Name)
            .Concat(StorageConnection.IdentitySettings.Select(k => $"{StorageConnection.Name}:{k}"));

        using var services = Build(settings);

        Assert.Empty(settings.Keys.Except(known));
        Assert.Equal(TimeSpan.FromHours(24), services.GetRequiredService<IOptions<StorageOptions>>().Value.SasLifetime);
        Assert.Equal("videofunctions", services.GetRequiredService<IOptions<TaskStoreOptions>>().Value.Database);
        Assert.True(services.GetRequiredService<StorageConnection>().IsLocalEmulator);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddAzureStorage(configuration).AddTaskStore(configuration).BuildServiceProvider();
    }
}
