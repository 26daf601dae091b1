using System.Net;
using System.Text.Json;

namespace VideoPipeline.Tests.Api;

public sealed class HealthEndpointTests
{
    private static readonly string[] Stores = ["blob", "queue", "cosmos", "ffmpeg"];

    [Fact]
    public async Task Health_without_a_key_reports_stores_ffmpeg_queue_depth_and_worker()
    {
        await using var host = await ApiTestHost.StartAsync();
        using var client = host.Client(key: null);

        using var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        Assert.All(Stores, name => Assert.Equal("up", checks.GetProperty(name).GetProperty("status").GetString()));
        Assert.True(body.RootElement.GetProperty("queue_depth").EnumerateObject().Any());
        Assert.True(body.RootElement.GetProperty("workers").GetProperty("enabled").GetBoolean());
    }
}
