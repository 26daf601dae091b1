using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Account;

namespace VideoPipeline.Tests.Storage;

/// <summary>The Storage settings reach the SDK's retry policy: against a loopback peer that answers with scripted statuses.</summary>
public sealed class StorageRetryTests
{
    [Fact]
    public async Task CreateContainer_after_503_with_retry_after_waits_then_succeeds()
    {
        using var server = new LoopbackHttpServer((i, response) => Respond(response, i == 0 ? 503 : 201, retryAfter: i == 0 ? "1" : null));

        await Blobs(server).GetBlobContainerClient("retry").CreateAsync();

        Assert.Equal(2, server.Requests.Count);
        Assert.True(server.Requests[1].At - server.Requests[0].At >= TimeSpan.FromSeconds(0.9), "Retry-After: 1 was not honoured");
    }

    [Fact]
    public async Task CreateContainer_after_429_retries_and_succeeds()
    {
        using var server = new LoopbackHttpServer((i, response) => Respond(response, i < 2 ? 429 : 201));

        await Blobs(server).GetBlobContainerClient("retry").CreateAsync();

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task CreateContainer_after_too_many_503_fails_with_the_status_after_the_configured_retries()
    {
        using var server = new LoopbackHttpServer((_, response) => Respond(response, 503, errorCode: "ServerBusy"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Blobs(server, maxRetries: 2).GetBlobContainerClient("retry").CreateAsync());

        Assert.Equal((int)HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal("ServerBusy", error.ErrorCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Download_404_is_not_retried()
    {
        using var server = new LoopbackHttpServer((_, response) => Respond(response, 404, errorCode: "BlobNotFound"));

        await Assert.ThrowsAsync<RequestFailedException>(() => Blobs(server).GetBlobContainerClient("retry").GetBlobClient("missing").DownloadStreamingAsync());

        Assert.Single(server.Requests);
    }

    private static BlobServiceClient Blobs(LoopbackHttpServer server, int maxRetries = 3)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageConnection.Name] = server.ConnectionString,
            ["Storage:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:RetryDelay"] = "00:00:00.02",
        }).Build();
        return new ServiceCollection().AddLogging().AddAzureStorage(configuration).BuildServiceProvider().GetRequiredService<BlobServiceClient>();
    }

    private static byte[]? Respond(HttpListenerResponse response, int status, string? retryAfter = null, string? errorCode = null)
    {
        response.StatusCode = status;
        if (retryAfter is not null)
        {
            response.Headers["Retry-After"] = retryAfter;
        }

        if (errorCode is not null)
        {
            response.Headers["x-ms-error-code"] = errorCode;
        }

        return null;
    }
}
