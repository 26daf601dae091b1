using VideoPipeline.Storage;
using VideoPipeline.Storage.Azure;
using VideoPipeline.Storage.Health;

namespace VideoPipeline.Tests.Storage;

[Collection(EmulatorGroup.Name)]
public sealed class StorageHealthProbeTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task BlobProbe_against_azurite_is_healthy()
    {
        var health = await new BlobStorageHealthProbe(emulators.Blobs).CheckAsync();

        Assert.True(health.Healthy, health.Reason);
    }

    [Fact]
    public async Task BlobProbe_against_closed_port_is_unhealthy_with_reason()
    {
        var connection = StorageConnectionString.Parse(
            $"AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:{LoopbackHttpServer.FreePort()}/devstoreaccount1");
        var blobs = new AzureStorageClient(connection, new StorageOptions { MaxRetries = 0 }, emulators.Http).Blobs;

        var health = await new BlobStorageHealthProbe(blobs).CheckAsync();

        Assert.False(health.Healthy);
        Assert.Contains("not reachable", health.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlobProbe_with_wrong_key_is_unhealthy_with_authentication_reason()
    {
        var connection = StorageConnectionString.Parse(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1");
        var blobs = new AzureStorageClient(connection, new StorageOptions { MaxRetries = 0 }, emulators.Http).Blobs;

        var health = await new BlobStorageHealthProbe(blobs).CheckAsync();

        Assert.False(health.Healthy);
        Assert.Contains("403", health.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueProbe_against_azurite_is_healthy()
    {
        var health = await new QueueStorageHealthProbe(emulators.Queues).CheckAsync();

        Assert.True(health.Healthy, health.Reason);
    }

    [Fact]
    public async Task QueueProbe_against_closed_port_is_unhealthy_with_reason()
    {
        var connection = StorageConnectionString.Parse(
            $"AccountName=devstoreaccount1;AccountKey=a2V5;QueueEndpoint=http://127.0.0.1:{LoopbackHttpServer.FreePort()}/devstoreaccount1");
        var queues = new AzureStorageClient(connection, new StorageOptions { MaxRetries = 0 }, emulators.Http).Queues;

        var health = await new QueueStorageHealthProbe(queues).CheckAsync();

        Assert.False(health.Healthy);
        Assert.Contains("not reachable", health.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskStoreProbe_against_cosmos_server_is_healthy()
    {
        var health = await new TaskStoreHealthProbe(emulators.CreateTaskStore()).CheckAsync();

        Assert.True(health.Healthy, health.Reason);
    }
}
