using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Tests.Storage;

[Collection(EmulatorGroup.Name)]
public sealed class BlobRoundTripTests(EmulatorFixture emulators) : IAsyncLifetime
{
    private readonly string container = Names.Unique("rt");

    public Task InitializeAsync() => emulators.Blobs.CreateContainerAsync(this.container);

    public Task DisposeAsync() => emulators.Blobs.DeleteContainerAsync(this.container);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData((8 * TestData.MiB) + 1)]
    [InlineData(64 * TestData.MiB)]
    public async Task UploadFileAsync_then_download_returns_identical_bytes(long size)
    {
        var (path, sha256) = await TestData.FileAsync(size);
        try
        {
            var uploaded = await emulators.Blobs.UploadFileAsync(this.container, "file.bin", path);
            await using var download = await emulators.Blobs.DownloadAsync(this.container, "file.bin");

            Assert.Equal(size, uploaded.Length);
            Assert.Equal(size, download.Properties.Length);
            Assert.Equal(Convert.ToHexString(sha256), Convert.ToHexString(await TestData.Sha256Async(download)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task UploadAsync_non_seekable_stream_above_single_limit_round_trips()
    {
        var bytes = TestData.Bytes((8 * TestData.MiB) + 1);
        await using var source = new NonSeekableStream(new MemoryStream(bytes));

        await emulators.Blobs.UploadAsync(this.container, "stream.bin", source);
        await using var download = await emulators.Blobs.DownloadAsync(this.container, "stream.bin");

        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)), Convert.ToHexString(await TestData.Sha256Async(download)));
    }

    [Fact]
    public async Task UploadAsync_sets_content_type_and_metadata()
    {
        var metadata = new Dictionary<string, string> { ["durationSeconds"] = "12.5" };
        await emulators.Blobs.UploadAsync(this.container, "a/b c.mp4", new MemoryStream([1, 2, 3]), new BlobUploadOptions { ContentType = "video/mp4", Metadata = metadata });

        var properties = await emulators.Blobs.GetPropertiesAsync(this.container, "a/b c.mp4");

        Assert.NotNull(properties);
        Assert.Equal("video/mp4", properties.ContentType);
        Assert.Equal("12.5", properties.Metadata["durationSeconds"]);
        Assert.Equal(3, properties.Length);
    }

    [Fact]
    public async Task SetMetadataAsync_replaces_metadata()
    {
        await emulators.Blobs.UploadAsync(this.container, "m.bin", new MemoryStream([1]), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["old"] = "1" } });

        await emulators.Blobs.SetMetadataAsync(this.container, "m.bin", new Dictionary<string, string> { ["fresh"] = "2" });
        var properties = await emulators.Blobs.GetPropertiesAsync(this.container, "m.bin");

        Assert.Equal(new Dictionary<string, string> { ["fresh"] = "2" }, properties!.Metadata);
    }

    [Fact]
    public async Task DownloadAsync_range_returns_only_those_bytes()
    {
        var bytes = TestData.Bytes(10_000);
        await emulators.Blobs.UploadAsync(this.container, "range.bin", new MemoryStream(bytes));

        await using var range = await emulators.Blobs.DownloadAsync(this.container, "range.bin", new BlobRange(1000, 500));
        var read = new MemoryStream();
        await range.CopyToAsync(read);

        Assert.Equal(bytes[1000..1500], read.ToArray());
        Assert.Equal(10_000, range.Properties.Length);
        Assert.Equal(500, range.Length);
        Assert.Equal(500, range.Position);
    }

    [Fact]
    public async Task DownloadAsync_open_range_reads_to_the_end()
    {
        var bytes = TestData.Bytes(4096);
        await emulators.Blobs.UploadAsync(this.container, "tail.bin", new MemoryStream(bytes));

        await using var range = await emulators.Blobs.DownloadAsync(this.container, "tail.bin", new BlobRange(4000));
        var read = new MemoryStream();
        await range.CopyToAsync(read);

        Assert.Equal(bytes[4000..], read.ToArray());
    }

    [Fact]
    public async Task DeleteAsync_removes_the_blob_and_reports_it_existed()
    {
        await emulators.Blobs.UploadAsync(this.container, "gone.bin", new MemoryStream([1]));

        Assert.True(await emulators.Blobs.DeleteAsync(this.container, "gone.bin"));
        Assert.Null(await emulators.Blobs.GetPropertiesAsync(this.container, "gone.bin"));
        Assert.False(await emulators.Blobs.DeleteAsync(this.container, "gone.bin"));
    }

    [Fact]
    public async Task CreateContainerAsync_twice_is_idempotent()
    {
        Assert.False(await emulators.Blobs.CreateContainerAsync(this.container));
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
