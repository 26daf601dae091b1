using System.Diagnostics;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Providers.AzureOpenAI;
using VideoPipeline.Providers.AzureOpenAI.Moderation;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

/// <summary>Failure modes of the shared client, exercised through every Azure OpenAI provider against a fake server.</summary>
public sealed class AzureOpenAIClientTests
{
    public static TheoryData<string> Clients => ClientCalls.All;

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task Call_after_429_with_retry_after_waits_then_succeeds(string client)
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        server.Fail(ClientCalls.PathOf(client), 429, retryAfter: "1");

        await ClientCalls.CallAsync(client, kit);

        var attempts = server.RequestsTo(ClientCalls.PathOf(client));
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.9), "Retry-After: 1 was not honoured");
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task Call_after_500_retries_then_succeeds(string client)
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        server.Fail(ClientCalls.PathOf(client), 500);

        await ClientCalls.CallAsync(client, kit);

        Assert.Equal(2, server.RequestsTo(ClientCalls.PathOf(client)).Count);
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task Call_refused_by_the_content_filter_fails_permanently_with_CONTENT_REJECTED(string client)
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        server.Fail(ClientCalls.PathOf(client), 400, FakeAzureOpenAIServer.Error("content_filter", "The prompt was filtered", "ResponsibleAIPolicyViolation"));

        var error = await Assert.ThrowsAsync<PermanentPipelineException>(() => ClientCalls.CallAsync(client, kit));

        Assert.Equal(ErrorCodes.ContentRejected, error.Code);
        Assert.Single(server.RequestsTo(ClientCalls.PathOf(client)));
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task Call_answered_with_malformed_json_fails_with_a_clear_transient_error(string client)
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        server.Fail(ClientCalls.PathOf(client), 200, "{\"choices\": [ {\"mess");

        var error = await Assert.ThrowsAsync<TransientPipelineException>(() => ClientCalls.CallAsync(client, kit));

        Assert.Contains($"Azure OpenAI {ClientCalls.OperationOf(client)} (dep-a@", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task Call_when_the_first_deployment_is_throttled_fails_over_to_the_second(string client)
    {
        await using var first = await FakeAzureOpenAIServer.StartAsync();
        await using var second = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit([AzureOpenAIKit.Deployment(first, "dep-a"), AzureOpenAIKit.Deployment(second, "dep-b")]);
        first.Fail(ClientCalls.PathOf(client), 429, retryAfter: "30");
        var clock = Stopwatch.StartNew();

        await ClientCalls.CallAsync(client, kit);

        Assert.Single(first.RequestsTo(ClientCalls.PathOf(client)));
        Assert.Single(second.RequestsTo(ClientCalls.PathOf(client)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "failover waited for the throttled deployment's Retry-After");
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task Call_to_a_deployment_without_key_carries_an_entra_token(string client)
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        var credential = new FixedTokenCredential("entra-token-123");
        using var kit = new AzureOpenAIKit([AzureOpenAIKit.Deployment(server, key: null)], credential);

        await ClientCalls.CallAsync(client, kit);

        var request = server.RequestsTo(ClientCalls.PathOf(client)).Single();
        Assert.Equal("Bearer entra-token-123", request.Authorization);
        Assert.Null(request.ApiKey);
        Assert.Contains("https://cognitiveservices.azure.com/.default", credential.Scopes);
    }

    [Fact]
    public async Task Call_to_a_deployment_with_key_sends_the_api_key_header_only()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);

        await ClientCalls.CallAsync(ClientCalls.Moderation, kit);

        var request = server.Requests.Single();
        Assert.Equal(AzureOpenAIKit.FakeKey, request.ApiKey);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task Call_answered_404_fails_permanently_naming_the_operation_and_deployment()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        server.Fail(FakeAzureOpenAIServer.ModerationsPath, 404, FakeAzureOpenAIServer.Error("DeploymentNotFound", "The API deployment for this resource does not exist."));

        var error = await Assert.ThrowsAsync<PermanentPipelineException>(() => ClientCalls.CallAsync(ClientCalls.Moderation, kit));

        Assert.Equal(ErrorCodes.ProviderRejected, error.Code);
        Assert.Contains("moderations", error.Message, StringComparison.Ordinal);
        Assert.Contains("dep-a@", error.Message, StringComparison.Ordinal);
        Assert.Contains("404 DeploymentNotFound", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Call_that_outlasts_its_timeout_is_retried_then_fails_transiently()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit([AzureOpenAIKit.Deployment(server)], maxRetries: 1);
        server.Fail(FakeAzureOpenAIServer.ModerationsPath, 200, times: 2, delay: TimeSpan.FromSeconds(10));
        var moderator = new AzureOpenAIContentModerator(
            kit.Router,
            Options.Create(new AzureOpenAIModerationOptions { Deployments = [AzureOpenAIKit.Deployment(server)], Timeout = TimeSpan.FromMilliseconds(300) }));

        var error = await Assert.ThrowsAsync<TransientPipelineException>(() => moderator.CheckTextAsync("coffee", CancellationToken.None));

        Assert.Contains("did not answer within", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Call_when_every_deployment_is_throttled_waits_then_starts_again_from_the_first()
    {
        await using var first = await FakeAzureOpenAIServer.StartAsync();
        await using var second = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit([AzureOpenAIKit.Deployment(first, "dep-a"), AzureOpenAIKit.Deployment(second, "dep-b")]);
        first.Fail(FakeAzureOpenAIServer.ModerationsPath, 429, retryAfter: "1");
        second.Fail(FakeAzureOpenAIServer.ModerationsPath, 429, retryAfter: "1");

        await ClientCalls.CallAsync(ClientCalls.Moderation, kit);

        Assert.Equal(2, first.Requests.Count);
        Assert.Single(second.Requests);
        Assert.True(first.Requests[1].At - second.Requests[0].At >= TimeSpan.FromSeconds(0.9), "Retry-After: 1 was not honoured");
    }

    [Fact]
    public async Task Call_still_throttled_after_its_retries_fails_transiently()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit([AzureOpenAIKit.Deployment(server)], maxRetries: 2);
        server.Fail(FakeAzureOpenAIServer.ModerationsPath, 429, times: 10, retryAfter: "0");

        var error = await Assert.ThrowsAsync<TransientPipelineException>(() => ClientCalls.CallAsync(ClientCalls.Moderation, kit));

        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }
}
