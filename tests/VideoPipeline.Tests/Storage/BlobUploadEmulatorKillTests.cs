using System.Diagnostics;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Azure;
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
        var client = this.Client();
        await client.Blobs.CreateContainerAsync("killed");
        var source = new TriggerStream(TestData.Bytes(32 * TestData.MiB), at: 10 * TestData.MiB, () => this.azurite!.Kill());

        var upload = client.Blobs.UploadAsync("killed", "partial.bin", source);

        var error = await Record.ExceptionAsync(() => upload.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.IsAssignableFrom<StorageRequestException>(error);

        await this.StartAzuriteAsync();
        Assert.Null(await this.Client().Blobs.GetPropertiesAsync("killed", "partial.bin"));
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

    private AzureStorageClient Client() => new(
        StorageConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={StorageConnectionString.DevelopmentAccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{this.port}/devstoreaccount1"),
        new StorageOptions { BlockSizeBytes = TestData.MiB, MaxParallelBlocks = 2, MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(50) },
        this.http);

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
