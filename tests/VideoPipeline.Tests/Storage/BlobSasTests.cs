using System.Net;
using System.Web;
using Azure.Storage.Blobs;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Account;

namespace VideoPipeline.Tests.Storage;

/// <summary>The read links users get: read-only, expiring, for one blob, https-only anywhere but the local emulator.</summary>
[Collection(EmulatorGroup.Name)]
public sealed class BlobSasTests(EmulatorFixture emulators) : IAsyncLifetime
{
    private const string Name = "clips/final video ☕.mp4";
    private readonly string container = Names.Unique("sas");

    private BlobReadLinks Links => new(emulators.Blobs, emulators.Connection);

    public async Task InitializeAsync()
    {
        await emulators.Blobs.GetBlobContainerClient(this.container).CreateIfNotExistsAsync();
        await emulators.Blobs.GetBlobContainerClient(this.container).GetBlobClient(Name).UploadAsync(BinaryData.FromBytes([1, 2, 3]));
    }

    public Task DisposeAsync() => emulators.DeleteContainerAsync(this.container);

    [Fact]
    public async Task Read_link_is_readable_by_a_plain_http_client()
    {
        var uri = await this.Links.CreateAsync(this.container, Name, DateTimeOffset.UtcNow.AddHours(1));

        var bytes = await emulators.Http.GetByteArrayAsync(uri);

        Assert.Equal([1, 2, 3], bytes);
        Assert.Equal("r", HttpUtility.ParseQueryString(uri.Query)["sp"]);
    }

    [Fact]
    public async Task Read_link_after_expiry_is_refused()
    {
        var uri = await this.Links.CreateAsync(this.container, Name, DateTimeOffset.UtcNow.AddSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        using var response = await emulators.Http.GetAsync(uri);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Read_link_refuses_a_write()
    {
        var uri = await this.Links.CreateAsync(this.container, Name, DateTimeOffset.UtcNow.AddHours(1));
        using var put = new HttpRequestMessage(HttpMethod.Put, uri) { Content = new ByteArrayContent([6, 6, 6]) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");

        using var response = await emulators.Http.SendAsync(put);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(3, (await emulators.Blobs.GetBlobContainerClient(this.container).GetBlobClient(Name).GetPropertiesAsync()).Value.ContentLength);
    }

    [Fact]
    public async Task Read_link_for_another_blob_name_is_refused()
    {
        await emulators.Blobs.GetBlobContainerClient(this.container).GetBlobClient("other.mp4").UploadAsync(BinaryData.FromBytes([4]));
        var uri = await this.Links.CreateAsync(this.container, Name, DateTimeOffset.UtcNow.AddHours(1));
        var tampered = new UriBuilder(uri) { Path = $"/devstoreaccount1/{this.container}/other.mp4" }.Uri;

        using var response = await emulators.Http.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Read_link_on_the_local_emulator_allows_http()
    {
        var uri = await this.Links.CreateAsync(this.container, Name, DateTimeOffset.UtcNow.AddHours(1));

        Assert.Equal("https,http", HttpUtility.ParseQueryString(uri.Query)["spr"]);
    }

    [Fact]
    public async Task Read_link_of_an_azure_account_is_https_only()
    {
        // Signing needs only the key, so no request leaves the machine.
        var connection = StorageConnection.FromConnectionString(
            $"DefaultEndpointsProtocol=https;AccountName=vfprod;AccountKey={LoopbackHttpServer.DevelopmentAccountKey};EndpointSuffix=core.windows.net");
        var links = new BlobReadLinks(new BlobServiceClient(connection.ConnectionString), connection);

        var uri = await links.CreateAsync("final", "job-1/final.mp4", DateTimeOffset.UtcNow.AddHours(1));
        var query = HttpUtility.ParseQueryString(uri.Query);

        Assert.Equal("https", uri.Scheme);
        Assert.Equal("https", query["spr"]);
        Assert.Equal("r", query["sp"]);
        Assert.Equal("b", query["sr"]);
    }

    [Fact]
    public async Task Read_link_of_a_sas_connection_without_key_or_identity_names_the_setting()
    {
        var connection = StorageConnection.FromConnectionString("BlobEndpoint=https://vfprod.blob.core.windows.net;QueueEndpoint=https://vfprod.queue.core.windows.net;TableEndpoint=https://vfprod.table.core.windows.net;SharedAccessSignature=sv=2024-08-04&sig=abc");
        var links = new BlobReadLinks(new BlobServiceClient(connection.ConnectionString), connection);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => links.CreateAsync("final", "a.mp4", DateTimeOffset.UtcNow.AddHours(1)));

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
    }
}
