using System.Diagnostics;
using Azure;
using Azure.Storage.Blobs;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Account;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Storage;

/// <summary>
/// The emulator itself dies mid-upload (SIGKILL): the upload must fail cleanly, and once the service
/// is back on the same data, nothing may be visible under the name (the block list was never committed).
/// Uses a private Azurite on its own ports and data folder, so the shared one is never touched.
/// </summary>
public sealed class BlobUploadEmulatorKillTests : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly int port = LoopbackHttpServer.FreePort();
    private readonly HttpClient http = new();
    private Process? azurite;

    [Fact]
    public async Task UploadAsync_emulator_killed_mid_upload_fails_cleanly_and_leaves_nothing()
    {
        await this.StartAzuriteAsync();
        var store = this.Store();
        var asset = new AssetRef(AssetContainers.Renders, "partial.bin");
        await store.UploadAsync(new AssetRef(AssetContainers.Renders, "warm-up.bin"), new MemoryStream([1]), ContentTypes.OctetStream); // creates the container
        var source = new TriggerStream(TestData.Bytes(32 * TestData.MiB), at: 10 * TestData.MiB, () => this.azurite!.Kill());

        var upload = store.UploadAsync(asset, source, ContentTypes.OctetStream);

        var error = await Record.ExceptionAsync(() => upload.WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.True(error is RequestFailedException or AggregateException, $"expected a storage failure, got {error}");

        await this.StartAzuriteAsync();
        Assert.Null(await this.Store().GetPropertiesAsync(asset));
    }

    public void Dispose()
    {
        if (this.azurite is { HasExited: false })
        {
            this.azurite.Kill();
        }

        this.azurite?.Dispose();
        this.http.Dispose();
        this.data.Dispose();
    }

    private BlobAssetStore Store()
    {
        var connection = StorageConnection.FromConnectionString(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={LoopbackHttpServer.DevelopmentAccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{this.port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{this.port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{this.port}/devstoreaccount1");
        var options = new StorageOptions { SingleUploadMaxBytes = TestData.MiB, BlockSizeBytes = TestData.MiB, MaxParallelBlocks = 2, MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(50) };
        var blobs = connection.CreateBlobServiceClient(options.Apply(new BlobClientOptions()));
        return new BlobAssetStore(blobs, new BlobReadLinks(blobs, connection), Microsoft.Extensions.Options.Options.Create(options));
    }

    private async Task StartAzuriteAsync()
    {
        this.azurite?.Dispose();
        var binary = Path.Combine(Emulators.RepositoryRoot, "tools", "emulators", "node_modules", ".bin", "azurite-blob");
        this.azurite = Process.Start(new ProcessStartInfo(binary)
        {
            ArgumentList = { "--silent", "--skipApiVersionCheck", "--loose", "--blobHost", "127.0.0.1", "--blobPort", this.port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--location", this.data.Path },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Emulators.IsListening(this.port))
        {
            Assert.True(DateTime.UtcNow < deadline && !this.azurite.HasExited, "the private Azurite did not start");
            await Task.Delay(100);
        }
    }

    /// <summary>Serves its bytes and runs <c>action</c> once when the reader passes <c>at</c>.</summary>
    private sealed class TriggerStream(byte[] bytes, int at, Action action) : MemoryStream(bytes)
    {
        private int fired;

        public override bool CanSeek => false;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (this.Position >= at && Interlocked.Exchange(ref this.fired, 1) == 0)
            {
                action();
            }

            return await base.ReadAsync(buffer, cancellationToken);
        }
    }
}
