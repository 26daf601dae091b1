using System.Net;
using System.Web;
using VideoPipeline.Storage;

namespace VideoPipeline.Tests.Storage;

[Collection(EmulatorGroup.Name)]
public sealed class BlobAssetStoreTests(EmulatorFixture emulators) : IAsyncLifetime
{
    private readonly string prefix = Names.Unique("as")[..14] + "-";
    private BlobAssetStore store = null!;

    public Task InitializeAsync()
    {
        this.store = emulators.CreateAssetStore(this.prefix);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var container in AssetContainers.All)
        {
            await emulators.DeleteContainerAsync(this.prefix + container);
        }
    }

    [Fact]
    public async Task UploadAsync_creates_the_kind_container_and_keeps_type_and_metadata()
    {
        var asset = new AssetRef(AssetContainers.Audio, AssetNames.ForTask("t-1", "voiceover", ".wav"));

        await this.store.UploadAsync(asset, new MemoryStream([1, 2]), ContentTypes.Wav, new Dictionary<string, string> { [AssetMetadata.DurationSeconds] = "2.5" });
        var properties = await this.store.GetPropertiesAsync(asset);

        Assert.NotNull(properties);
        Assert.Equal(ContentTypes.Wav, properties.ContentType);
        Assert.Equal("2.5", properties.Metadata[AssetMetadata.DurationSeconds]);
    }

    [Fact]
    public async Task UploadFileAsync_same_deterministic_name_overwrites_instead_of_duplicating()
    {
        var (path, _) = await TestData.FileAsync(1000);
        var asset = new AssetRef(AssetContainers.Renders, AssetNames.ForTask("t-2", "scene", 0, "mp4"));
        try
        {
            await this.store.UploadFileAsync(asset, path, ContentTypes.Mp4);
            await this.store.UploadFileAsync(asset, path, ContentTypes.Mp4);
        }
        finally
        {
            File.Delete(path);
        }

        var names = new List<string>();
        await foreach (var blob in emulators.Blobs.GetBlobContainerClient(this.prefix + AssetContainers.Renders).GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        Assert.Equal("t-2/scene/0000.mp4", Assert.Single(names));
    }

    [Fact]
    public async Task DownloadToFileAsync_writes_the_content()
    {
        var asset = new AssetRef(AssetContainers.Captions, "t-3/captions.srt");
        await this.store.UploadAsync(asset, new MemoryStream("1\n00:00:00,000 --> 00:00:01,000\nHi\n"u8.ToArray()), ContentTypes.Srt);
        var target = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".srt");

        await this.store.DownloadToFileAsync(asset, target);

        Assert.EndsWith("Hi\n", await File.ReadAllTextAsync(target), StringComparison.Ordinal);
        File.Delete(target);
    }

    [Fact]
    public async Task OpenReadAsync_missing_asset_throws_AssetNotFoundException()
    {
        var asset = new AssetRef(AssetContainers.Final, "nope.mp4");

        var error = await Assert.ThrowsAsync<AssetNotFoundException>(() => this.store.OpenReadAsync(asset));

        Assert.Equal(asset, error.Asset);
    }

    [Fact]
    public async Task GetPropertiesAsync_missing_asset_returns_null()
    {
        Assert.Null(await this.store.GetPropertiesAsync(new AssetRef(AssetContainers.Final, "nope.mp4")));
    }

    [Fact]
    public async Task GetReadUriAsync_default_lifetime_is_the_configured_24_hours_and_readable()
    {
        var asset = new AssetRef(AssetContainers.Final, "t-4/final.mp4");
        await this.store.UploadAsync(asset, new MemoryStream([5]), ContentTypes.Mp4);

        var uri = await this.store.GetReadUriAsync(asset);
        var expiry = DateTimeOffset.Parse(HttpUtility.ParseQueryString(uri.Query)["se"]!, System.Globalization.CultureInfo.InvariantCulture);
        using var response = await emulators.Http.GetAsync(uri);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(expiry - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task DeleteAsync_reports_whether_the_asset_existed()
    {
        var asset = new AssetRef(AssetContainers.Uploads, "u.bin");
        await this.store.UploadAsync(asset, new MemoryStream([1]), ContentTypes.OctetStream);

        Assert.True(await this.store.DeleteAsync(asset));
        Assert.False(await this.store.DeleteAsync(asset));
    }
}
