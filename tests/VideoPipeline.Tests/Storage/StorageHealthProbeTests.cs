using VideoPipeline.Storage.Account;
using VideoPipeline.Storage.Health;

namespace VideoPipeline.Tests.Storage;

[Collection(EmulatorGroup.Name)]
public sealed class StorageHealthProbeTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task BlobProbe_against_azurite_is_healthy()
    {
        var health = await new BlobStorageHealthProbe(emulators.Connection).CheckAsync();

        Assert.True(health.Healthy, health.Reason);
    }

    [Fact]
    public async Task BlobProbe_against_closed_port_is_unhealthy_with_reason()
    {
        var health = await new BlobStorageHealthProbe(ClosedPort()).CheckAsync();

        Assert.False(health.Healthy);
        Assert.Contains("not reachable", health.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlobProbe_with_wrong_key_is_unhealthy_with_authentication_reason()
    {
        var connection = StorageConnection.FromConnectionString(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1");

        var health = await new BlobStorageHealthProbe(connection).CheckAsync();

        Assert.False(health.Healthy);
        Assert.Contains("403", health.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueProbe_against_azurite_is_healthy()
    {
        var health = await new QueueStorageHealthProbe(emulators.Connection).CheckAsync();

        Assert.True(health.Healthy, health.Reason);
    }

    [Fact]
    public async Task QueueProbe_against_closed_port_is_unhealthy_with_reason()
    {
        var health = await new QueueStorageHealthProbe(ClosedPort()).CheckAsync();

        Assert.False(health.Healthy);
        Assert.Contains("not reachable", health.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskStoreProbe_against_cosmos_server_is_healthy()
    {
        var health = await new TaskStoreHealthProbe(emulators.CreateTaskStore()).CheckAsync();

        Assert.True(health.Healthy, health.Reason);
    }

    private static StorageConnection ClosedPort()
    {
        var port = LoopbackHttpServer.FreePort();
        return StorageConnection.FromConnectionString(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={LoopbackHttpServer.DevelopmentAccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1");
    }
}
