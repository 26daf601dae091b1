using VideoPipeline.Storage;

namespace VideoPipeline.Tests.Storage;

/// <summary>An upload that breaks off leaves the name as it was: nothing, or the previous content.</summary>
[Collection(EmulatorGroup.Name)]
public sealed class BlobUploadFailureTests(EmulatorFixture emulators) : IAsyncLifetime
{
    private readonly string prefix = Names.Unique("uf")[..14] + "-";
    private BlobAssetStore store = null!;

    public Task InitializeAsync()
    {
        this.store = emulators.CreateAssetStore(this.prefix, o => (o.BlockSizeBytes, o.MaxParallelBlocks) = (TestData.MiB, 2));
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => emulators.DeleteContainerAsync(this.prefix + AssetContainers.Renders);

    [Fact]
    public async Task UploadAsync_cancelled_between_blocks_leaves_nothing_under_the_name()
    {
        using var cancel = new CancellationTokenSource();
        var asset = new AssetRef(AssetContainers.Renders, "partial.bin");
        var source = new FailingStream(TestData.Bytes(24 * TestData.MiB), failAfter: 12 * TestData.MiB, () => cancel.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => this.store.UploadAsync(asset, source, ContentTypes.OctetStream, cancellationToken: cancel.Token));

        Assert.Null(await this.store.GetPropertiesAsync(asset));
    }

    [Fact]
    public async Task UploadAsync_source_failure_keeps_the_previous_content()
    {
        var asset = new AssetRef(AssetContainers.Renders, "kept.bin");
        await this.store.UploadAsync(asset, new MemoryStream([1, 2, 3]), ContentTypes.OctetStream);
        var source = new FailingStream(TestData.Bytes(24 * TestData.MiB), failAfter: 12 * TestData.MiB, () => throw new IOException("source died"));

        await Assert.ThrowsAsync<IOException>(() => this.store.UploadAsync(asset, source, ContentTypes.OctetStream));

        Assert.Equal(3, (await this.store.GetPropertiesAsync(asset))!.Length);
    }

    /// <summary>Serves bytes, then at <c>failAfter</c> runs <c>onFail</c> (cancel, or throw) and fails the read.</summary>
    private sealed class FailingStream(byte[] bytes, int failAfter, Action onFail) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (this.Position >= failAfter)
            {
                onFail();
                throw new OperationCanceledException();
            }

            return base.Read(buffer, offset, (int)Math.Min(count, Math.Max(1, failAfter - this.Position)));
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (this.Position >= failAfter)
            {
                onFail();
                cancellationToken.ThrowIfCancellationRequested();
                throw new OperationCanceledException();
            }

            var limited = buffer[..(int)Math.Min(buffer.Length, Math.Max(1, failAfter - this.Position))];
            return ValueTask.FromResult(base.Read(limited.Span));
        }
    }
}
