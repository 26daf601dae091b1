using System.Net;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Tests.Storage;

/// <summary>Retry behaviour against a loopback peer that answers with scripted statuses.</summary>
public sealed class StorageRetryTests : IDisposable
{
    private readonly HttpClient http = new();

    public void Dispose() => this.http.Dispose();

    [Fact]
    public async Task CreateContainerAsync_after_503_with_retry_after_waits_then_succeeds()
    {
        using var server = new LoopbackHttpServer((i, response) => Respond(response, i == 0 ? 503 : 201, retryAfter: i == 0 ? "1" : null));

        var created = await this.Client(server).Blobs.CreateContainerAsync("retry");

        Assert.True(created);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(server.Requests[1].At - server.Requests[0].At >= TimeSpan.FromSeconds(0.9), "Retry-After: 1 was not honoured");
    }

    [Fact]
    public async Task CreateContainerAsync_after_429_retries_and_succeeds()
    {
        using var server = new LoopbackHttpServer((i, response) => Respond(response, i < 2 ? 429 : 201));

        await this.Client(server).Blobs.CreateContainerAsync("retry");

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task CreateContainerAsync_after_too_many_503_fails_with_the_status()
    {
        using var server = new LoopbackHttpServer((_, response) => Respond(response, 503, errorCode: "ServerBusy"));

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => this.Client(server, maxRetries: 2).Blobs.CreateContainerAsync("retry"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal("ServerBusy", error.ErrorCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task DownloadAsync_404_is_not_retried()
    {
        using var server = new LoopbackHttpServer((_, response) => Respond(response, 404, errorCode: StorageErrorCodes.BlobNotFound));

        await Assert.ThrowsAsync<StorageRequestException>(() => this.Client(server).Blobs.DownloadAsync("retry", "missing"));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Requests_of_an_account_without_key_carry_the_entra_bearer_token()
    {
        using var server = new LoopbackHttpServer((_, response) => Respond(response, 201));
        var connection = StorageConnectionString.Parse($"BlobEndpoint=http://127.0.0.1:{server.Port}/acct;QueueEndpoint=http://127.0.0.1:{server.Port}/acct");
        var client = new AzureStorageClient(connection, new StorageOptions(), this.http, new FixedTokenCredential("token-123"));

        await client.Blobs.CreateContainerAsync("entra");

        Assert.Equal("Bearer token-123", server.Requests.Single().Authorization);
    }

    private AzureStorageClient Client(LoopbackHttpServer server, int maxRetries = 3) =>
        new(StorageConnectionString.Parse(server.ConnectionString), new StorageOptions { MaxRetries = maxRetries, RetryDelay = TimeSpan.FromMilliseconds(20) }, this.http);

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

    private sealed class FixedTokenCredential(string token) : global::Azure.Core.TokenCredential
    {
        public override global::Azure.Core.AccessToken GetToken(global::Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<global::Azure.Core.AccessToken> GetTokenAsync(global::Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(this.GetToken(requestContext, cancellationToken));
    }
}
