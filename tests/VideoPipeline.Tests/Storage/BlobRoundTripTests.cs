using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using VideoPipeline.Storage;

namespace VideoPipeline.Tests.Storage;

/// <summary>Assets through the asset store on the Blob SDK, byte for byte, at the sizes where upload strategies change.</summary>
[Collection(EmulatorGroup.Name)]
public sealed class BlobRoundTripTests(EmulatorFixture emulators) : IAsyncLifetime
{
    private readonly string prefix = Names.Unique("rt")[..14] + "-";
    private BlobAssetStore store = null!;

    public Task InitializeAsync()
    {
        // Small blocks, so 8 MiB + 1 and 64 MiB go up as many blocks committed at the end.
        this.store = emulators.CreateAssetStore(this.prefix, o => (o.BlockSizeBytes, o.MaxParallelBlocks) = (TestData.MiB, 4));
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => emulators.DeleteContainerAsync(this.prefix + AssetContainers.Renders);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData((8 * TestData.MiB) + 1)]
    [InlineData(64 * TestData.MiB)]
    public async Task UploadFileAsync_then_download_returns_identical_bytes(long size)
    {
        var (path, sha256) = await TestData.FileAsync(size);
        var asset = new AssetRef(AssetContainers.Renders, $"sizes/{size}.bin");
        var target = path + ".down";
        try
        {
            var uploaded = await this.store.UploadFileAsync(asset, path, ContentTypes.OctetStream);
            await this.store.DownloadToFileAsync(asset, target);
            await using var streamed = await this.store.OpenReadAsync(asset);

            Assert.Equal(size, uploaded.Length);
            Assert.Equal(size, (await this.store.GetPropertiesAsync(asset))!.Length);
            Assert.Equal(Convert.ToHexString(sha256), Convert.ToHexString(await SHA256.HashDataAsync(File.OpenRead(target))));
            Assert.Equal(Convert.ToHexString(sha256), Convert.ToHexString(await TestData.Sha256Async(streamed)));
        }
        finally
        {
            File.Delete(path);
            File.Delete(target);
        }
    }

    [Fact]
    public async Task UploadAsync_non_seekable_stream_above_single_limit_round_trips_and_counts_its_length()
    {
        var bytes = TestData.Bytes((8 * TestData.MiB) + 1);
        await using var source = new NonSeekableStream(new MemoryStream(bytes));
        var asset = new AssetRef(AssetContainers.Renders, "stream.bin");

        var uploaded = await this.store.UploadAsync(asset, source, ContentTypes.OctetStream);
        await using var download = await this.store.OpenReadAsync(asset);

        Assert.Equal(bytes.Length, uploaded.Length);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)), Convert.ToHexString(await TestData.Sha256Async(download)));
    }

    [Fact]
    public async Task UploadAsync_sets_content_type_and_metadata_on_a_name_with_spaces_and_other_scripts()
    {
        var asset = new AssetRef(AssetContainers.Renders, "a/b c кофе 東京.mp4");

        await this.store.UploadAsync(asset, new MemoryStream([1, 2, 3]), "video/mp4", new Dictionary<string, string> { ["durationSeconds"] = "12.5" });
        var properties = await this.store.GetPropertiesAsync(asset);

        Assert.NotNull(properties);
        Assert.Equal("video/mp4", properties.ContentType);
        Assert.Equal("12.5", properties.Metadata["durationSeconds"]);
        Assert.Equal(3, properties.Length);
        Assert.StartsWith("\"", properties.ETag, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1000, 500)]
    [InlineData(0, 1)]
    [InlineData(9_999, 1)]
    public async Task DownloadStreaming_range_returns_only_those_bytes(int offset, int length)
    {
        var bytes = TestData.Bytes(10_000);
        var blob = await this.UploadAsync("range.bin", bytes);

        var range = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Range = new Azure.HttpRange(offset, length) });
        var read = new MemoryStream();
        await range.Value.Content.CopyToAsync(read);

        Assert.Equal(bytes[offset..(offset + length)], read.ToArray());
        Assert.Equal($"bytes {offset}-{offset + length - 1}/10000", range.Value.Details.ContentRange);
    }

    [Fact]
    public async Task DownloadStreaming_open_range_reads_to_the_end()
    {
        var bytes = TestData.Bytes(4096);
        var blob = await this.UploadAsync("tail.bin", bytes);

        var range = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Range = new Azure.HttpRange(4000) });
        var read = new MemoryStream();
        await range.Value.Content.CopyToAsync(read);

        Assert.Equal(bytes[4000..], read.ToArray());
    }

    private async Task<Azure.Storage.Blobs.BlobClient> UploadAsync(string name, byte[] bytes)
    {
        await this.store.UploadAsync(new AssetRef(AssetContainers.Renders, name), new MemoryStream(bytes), ContentTypes.OctetStream);
        return emulators.Blobs.GetBlobContainerClient(this.prefix + AssetContainers.Renders).GetBlobClient(name);
    }

    private sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 100_000));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
