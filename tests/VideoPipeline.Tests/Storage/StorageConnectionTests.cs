using Azure.Identity;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Storage.Account;

namespace VideoPipeline.Tests.Storage;

/// <summary>The Functions <c>AzureWebJobsStorage</c> convention, read the way the Functions host reads it.</summary>
public sealed class StorageConnectionTests
{
    [Fact]
    public void FromConfiguration_development_storage_gives_the_three_azurite_endpoints()
    {
        var connection = Read(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", connection.BlobServiceUri.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", connection.QueueServiceUri.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", connection.TableServiceUri.ToString().TrimEnd('/'));
        Assert.Equal("UseDevelopmentStorage=true", connection.ConnectionString);
        Assert.Null(connection.Credential);
        Assert.True(connection.IsLocalEmulator);
    }

    [Fact]
    public void FromConfiguration_nothing_set_means_the_local_emulator()
    {
        var connection = Read(new());

        Assert.Equal(StorageConnection.DevelopmentStorage, connection.ConnectionString);
        Assert.True(connection.IsLocalEmulator);
    }

    [Fact]
    public void FromConfiguration_account_connection_string_derives_azure_endpoints_and_is_not_the_emulator()
    {
        var connection = Read(new() { ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=https;AccountName=vfprod;AccountKey=a2V5;EndpointSuffix=core.windows.net" });

        Assert.Equal("https://vfprod.blob.core.windows.net/", connection.BlobServiceUri.ToString());
        Assert.Equal("https://vfprod.queue.core.windows.net/", connection.QueueServiceUri.ToString());
        Assert.Equal("https://vfprod.table.core.windows.net/", connection.TableServiceUri.ToString());
        Assert.False(connection.IsLocalEmulator);
        Assert.DoesNotContain("a2V5", connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_service_uris_with_managed_identity_use_that_client_id()
    {
        var connection = Read(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://vfprod.blob.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://vfprod.queue.core.windows.net",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://vfprod.table.core.windows.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000042",
        });

        Assert.Null(connection.ConnectionString);
        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
        Assert.Equal("https://vfprod.queue.core.windows.net/", connection.QueueServiceUri.ToString());
        Assert.False(connection.IsLocalEmulator);
    }

    [Fact]
    public void FromConfiguration_account_name_alone_derives_the_public_endpoints_with_the_default_credential()
    {
        var connection = Read(new() { ["AzureWebJobsStorage:accountName"] = "vfprod" });

        Assert.Equal("https://vfprod.blob.core.windows.net/", connection.BlobServiceUri.ToString());
        Assert.Equal("https://vfprod.table.core.windows.net/", connection.TableServiceUri.ToString());
        Assert.NotNull(connection.Credential);
    }

    [Fact]
    public void FromConfiguration_blob_service_uri_alone_names_the_missing_settings()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(new() { ["AzureWebJobsStorage:serviceUri"] = "https://vfprod.blob.core.windows.net" }));

        Assert.Contains("AzureWebJobsStorage__queueServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_relative_service_uri_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(new() { ["AzureWebJobsStorage:blobServiceUri"] = "vfprod.blob" }));

        Assert.Contains("AzureWebJobsStorage__blobServiceUri", error.Message, StringComparison.Ordinal);
    }

    private static StorageConnection Read(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        collection.AddAzureClientsCore();
        using var services = collection.BuildServiceProvider();
        return StorageConnection.FromConfiguration(configuration.GetSection(StorageConnection.Name), services.GetRequiredService<AzureComponentFactory>());
    }
}
