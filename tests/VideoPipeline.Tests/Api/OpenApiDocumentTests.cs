using System.Net;

namespace VideoPipeline.Tests.Api;

public sealed class OpenApiDocumentTests
{
    private static readonly string[] Routes =
    [
        "/api/video/generate",
        "/api/video/jobs/{job_id}",
        "/api/video/jobs/{job_id}/cancel",
        "/api/video/plan-scenes",
        "/api/video/generate-workflow",
        "/runtime/webhooks/durabletask/instances/{instanceId}",
        "/api/health",
    ];

    [Fact]
    public async Task OpenApi_document_without_a_key_lists_the_routes()
    {
        await using var host = await ApiTestHost.StartAsync();
        using var client = host.Client(key: null);

        using var response = await client.GetAsync("/api/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.JsonAsync()).GetProperty("paths");
        Assert.All(Routes, route => Assert.True(paths.TryGetProperty(route, out _), $"{route} is missing"));
    }
}
