using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Api.Tasks;

public sealed class LargeUploadTests
{
    [Fact]
    public async Task Upload_larger_than_the_servers_default_body_limit_streams_into_storage_intact()
    {
        // 40 MB: past Kestrel's 30 MB default body limit and past the single-put size, so it goes as blocks.
        using var temp = new TempDirectory();
        var path = temp.File("large.mp4");
        var data = new byte[40 * 1024 * 1024];
        new Random(7).NextBytes(data);
        await File.WriteAllBytesAsync(path, data);
        await using var host = await ApiTestHost.StartAsync();
        using var client = host.Client();
        using var form = new MultipartFormDataContent { { new StreamContent(File.OpenRead(path)), "file", "large.mp4" } };

        using var response = await client.PostAsync("/api/uploads", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString();
        await using var served = await client.GetStreamAsync(url);
        Assert.Equal(SHA256.HashData(data), await SHA256.HashDataAsync(served));
    }
}
