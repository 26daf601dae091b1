using VideoPipeline.Storage;
using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Tests.Storage;

[Collection(EmulatorGroup.Name)]
public sealed class BlobUploadFailureTests(EmulatorFixture emulators) : IAsyncLifetime
{
    private readonly string container = Names.Unique("uf");

    public Task InitializeAsync() => emulators.Blobs.CreateContainerAsync(this.container);

    public Task DisposeAsync() => emulators.Blobs.DeleteContainerAsync(this.container);

    [Fact]
    public async Task UploadAsync_cancelled_between_blocks_leaves_nothing_under_the_name()
    {
        using var cancel = new CancellationTokenSource();
        var source = new FailingStream(TestData.Bytes(24 * TestData.MiB), failAfter: 12 * TestData.MiB, () => cancel.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => emulators.Blobs.UploadAsync(this.container, "partial.bin", source, cancellationToken: cancel.Token));

        Assert.Null(await emulators.Blobs.GetPropertiesAsync(this.container, "partial.bin"));
    }

    [Fact]
    public async Task UploadAsync_source_failure_keeps_the_previous_content()
    {
        await emulators.Blobs.UploadAsync(this.container, "kept.bin", new MemoryStream([1, 2, 3]));
        var source = new FailingStream(TestData.Bytes(24 * TestData.MiB), failAfter: 12 * TestData.MiB, () => throw new IOException("source died"));

        await Assert.ThrowsAsync<IOException>(() => emulators.Blobs.UploadAsync(this.container, "kept.bin", source));

        Assert.Equal(3, (await emulators.Blobs.GetPropertiesAsync(this.container, "kept.bin"))!.Length);
    }

    [Fact]
    public async Task UploadAsync_to_unreachable_service_names_it_and_how_to_start_it()
    {
        var port = LoopbackHttpServer.FreePort();
        var connection = StorageConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={StorageConnectionString.DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1");
        var client = new AzureStorageClient(connection, new StorageOptions { MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10) }, emulators.Http);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => client.Blobs.UploadAsync("c1c", "b", new MemoryStream([1])));

        Assert.Contains($"Blob service at http://127.0.0.1:{port}/devstoreaccount1 is not reachable", error.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/emulators.sh start", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Serves bytes, then at <c>failAfter</c> runs <c>onFail</c> (cancel, or throw) and fails the read.</summary>
    private sealed class FailingStream(byte[] bytes, int failAfter, Action onFail) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (this.Position >= failAfter)
            {
                onFail();
                cancellationToken.ThrowIfCancellationRequested();
            }

            var limited = buffer[..(int)Math.Min(buffer.Length, Math.Max(1, failAfter - this.Position))];
            return await base.ReadAsync(limited, cancellationToken);
        }
    }
}
