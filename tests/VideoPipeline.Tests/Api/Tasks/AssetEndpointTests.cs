using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VideoPipeline.Tests.Api.Tasks;

/// <summary>Uploads stream into Blob storage; assets stream back with Range support, to their owner only.</summary>
public sealed class AssetEndpointTests(TaskApiFixture fixture) : IClassFixture<TaskApiFixture>
{
    [Fact]
    public async Task GetAsset_with_a_range_returns_206_and_exactly_those_bytes()
    {
        using var client = fixture.Host.Client();
        var url = await UploadAsync(client, fixture.Files.SpokenVideo);
        var original = await File.ReadAllBytesAsync(fixture.Files.SpokenVideo);
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(1000, 5999) } };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 1000-5999/{original.Length}", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(original.AsSpan(1000, 5000).ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetAsset_with_a_suffix_range_returns_the_last_bytes()
    {
        using var client = fixture.Host.Client();
        var url = await UploadAsync(client, fixture.Files.SpokenVideo);
        var original = await File.ReadAllBytesAsync(fixture.Files.SpokenVideo);
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(null, 100) } };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(original[^100..], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetAsset_with_a_range_past_the_end_is_416_with_the_length()
    {
        using var client = fixture.Host.Client();
        var url = await UploadAsync(client, fixture.Files.SpokenVideo);
        var length = new FileInfo(fixture.Files.SpokenVideo).Length;
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(length + 10, null) } };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal($"bytes */{length}", response.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task GetAsset_without_a_range_returns_the_whole_upload()
    {
        using var client = fixture.Host.Client();
        var url = await UploadAsync(client, fixture.Files.SpokenVideo);

        var bytes = await client.GetByteArrayAsync(url);

        Assert.Equal(await File.ReadAllBytesAsync(fixture.Files.SpokenVideo), bytes);
    }

    [Fact]
    public async Task HeadAsset_gives_length_and_range_support_without_a_body()
    {
        using var client = fixture.Host.Client();
        var url = await UploadAsync(client, fixture.Files.SpokenVideo);

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new FileInfo(fixture.Files.SpokenVideo).Length, response.Content.Headers.ContentLength);
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetAsset_of_another_owner_is_404()
    {
        using var alice = fixture.Host.Client();
        using var bob = fixture.Host.Client(ApiTestHost.BobKey);
        var url = await UploadAsync(alice, fixture.Files.SilentVideo);

        using var response = await bob.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Upload_over_the_limit_is_413()
    {
        using var client = fixture.Host.Client();
        using var form = new MultipartFormDataContent { { new StreamContent(File.OpenRead(fixture.Files.Big)), "file", "big.mp4" } };

        using var response = await client.PostAsync("/api/uploads", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Upload_without_a_file_part_names_the_file_field()
    {
        using var client = fixture.Host.Client();
        using var form = new MultipartFormDataContent { { new StringContent("hello"), "note" } };

        using var response = await client.PostAsync("/api/uploads", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task Upload_with_a_truncated_multipart_body_is_400()
    {
        using var client = fixture.Host.Client();
        using var body = new StringContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp4\"\r\n\r\nhalf a file");
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        using var response = await client.PostAsync("/api/uploads", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<string> UploadAsync(HttpClient client, string path)
    {
        using var form = new MultipartFormDataContent { { new StreamContent(File.OpenRead(path)), "file", Path.GetFileName(path) } };
        using var response = await client.PostAsync("/api/uploads", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(new FileInfo(path).Length, body.GetProperty("bytes").GetInt64());
        return body.GetProperty("url").GetString()!;
    }
}
