using System.Net;

namespace VideoPipeline.Tests.Storage;

[Collection(EmulatorGroup.Name)]
public sealed class BlobSasTests(EmulatorFixture emulators) : IAsyncLifetime
{
    private readonly string container = Names.Unique("sas");

    public async Task InitializeAsync()
    {
        await emulators.Blobs.CreateContainerAsync(this.container);
        await emulators.Blobs.UploadAsync(this.container, "clips/final video.mp4", new MemoryStream([1, 2, 3]));
    }

    public Task DisposeAsync() => emulators.Blobs.DeleteContainerAsync(this.container);

    [Fact]
    public async Task CreateReadSasUri_is_readable_by_a_plain_http_client()
    {
        var uri = emulators.Blobs.CreateReadSasUri(this.container, "clips/final video.mp4", DateTimeOffset.UtcNow.AddHours(1));

        var bytes = await emulators.Http.GetByteArrayAsync(uri);

        Assert.Equal([1, 2, 3], bytes);
    }

    [Fact]
    public async Task CreateReadSasUri_after_expiry_is_refused()
    {
        var uri = emulators.Blobs.CreateReadSasUri(this.container, "clips/final video.mp4", DateTimeOffset.UtcNow.AddSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        using var response = await emulators.Http.GetAsync(uri);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CreateReadSasUri_write_is_refused()
    {
        var uri = emulators.Blobs.CreateReadSasUri(this.container, "clips/final video.mp4", DateTimeOffset.UtcNow.AddHours(1));
        using var put = new HttpRequestMessage(HttpMethod.Put, uri) { Content = new ByteArrayContent([6, 6, 6]) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");

        using var response = await emulators.Http.SendAsync(put);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(3, (await emulators.Blobs.GetPropertiesAsync(this.container, "clips/final video.mp4"))!.Length);
    }

    [Fact]
    public async Task CreateReadSasUri_for_another_blob_name_is_refused()
    {
        var uri = emulators.Blobs.CreateReadSasUri(this.container, "clips/final video.mp4", DateTimeOffset.UtcNow.AddHours(1));
        var tampered = new Uri(uri.AbsoluteUri.Replace("final%20video.mp4", "other.mp4", StringComparison.Ordinal));

        using var response = await emulators.Http.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
