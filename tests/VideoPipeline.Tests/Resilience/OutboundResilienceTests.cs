using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using VideoPipeline.Providers.ComfyUI;
using VideoPipeline.Tests.Storage;

namespace VideoPipeline.Tests.Resilience;

/// <summary>
/// The one outbound policy as the provider clients get it from DI (here the ComfyUI client), against a loopback
/// peer that answers with scripted statuses.
/// </summary>
public sealed class OutboundResilienceTests
{
    [Fact]
    public async Task Circuit_opens_after_repeated_failures_and_closes_again_after_a_good_trial_call()
    {
        using var server = new LoopbackHttpServer((i, response) => Respond(response, i < 2 ? 503 : 200));
        using var services = Services(new() { ["ComfyUI:MaxRetries"] = "0", ["ComfyUI:CircuitMinimumThroughput"] = "2", ["ComfyUI:CircuitBreakDuration"] = "00:00:01" });
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(ComfyUIOptions.Section);
        var url = new Uri($"http://127.0.0.1:{server.Port}/queue");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(url)).StatusCode);
        await Assert.ThrowsAsync<BrokenCircuitException>(() => http.GetAsync(url));
        Assert.Equal(2, server.Requests.Count);

        await Task.Delay(TimeSpan.FromSeconds(1.3));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url)).StatusCode);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task Open_circuit_of_one_server_leaves_another_server_callable()
    {
        using var failing = new LoopbackHttpServer((_, response) => Respond(response, 503));
        using var healthy = new LoopbackHttpServer((_, response) => Respond(response, 200));
        using var services = Services(new() { ["ComfyUI:MaxRetries"] = "0", ["ComfyUI:CircuitMinimumThroughput"] = "2" });
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(ComfyUIOptions.Section);
        await http.GetAsync(new Uri($"http://127.0.0.1:{failing.Port}/queue"));
        await http.GetAsync(new Uri($"http://127.0.0.1:{failing.Port}/queue"));

        await Assert.ThrowsAsync<BrokenCircuitException>(() => http.GetAsync(new Uri($"http://127.0.0.1:{failing.Port}/queue")));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"http://127.0.0.1:{healthy.Port}/queue"))).StatusCode);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Retry_waits_the_Retry_After_the_server_sent(int status)
    {
        using var server = new LoopbackHttpServer((i, response) => Respond(response, i == 0 ? status : 200, retryAfter: i == 0 ? "2" : null));
        using var services = Services(new() { ["ComfyUI:RetryDelay"] = "00:00:00.01" });
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(ComfyUIOptions.Section);

        var response = await http.GetAsync(new Uri($"http://127.0.0.1:{server.Port}/history/x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(server.Requests[1].At - server.Requests[0].At >= TimeSpan.FromSeconds(1.9), "Retry-After: 2 was not honoured");
    }

    [Fact]
    public async Task Refusal_other_than_408_and_429_is_not_retried()
    {
        using var server = new LoopbackHttpServer((_, response) => Respond(response, 400));
        using var services = Services([]);
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(ComfyUIOptions.Section);

        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync(new Uri($"http://127.0.0.1:{server.Port}/prompt"))).StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Attempt_that_outlasts_the_request_timeout_is_retried()
    {
        using var server = new LoopbackHttpServer((i, response) =>
        {
            if (i == 0)
            {
                Thread.Sleep(1500);
            }

            return Respond(response, 200);
        });
        using var services = Services(new() { ["ComfyUI:RequestTimeout"] = "00:00:00.5", ["ComfyUI:RetryDelay"] = "00:00:00.01" });
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(ComfyUIOptions.Section);

        var response = await http.GetAsync(new Uri($"http://127.0.0.1:{server.Port}/queue"));

        // The peer answers one request at a time, so a retry may itself wait out the slow first answer.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(server.Requests.Count, 2, 4);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddComfyUIProviders(configuration).BuildServiceProvider();
    }

    private static byte[]? Respond(HttpListenerResponse response, int status, string? retryAfter = null)
    {
        response.StatusCode = status;
        if (retryAfter is not null)
        {
            response.Headers["Retry-After"] = retryAfter;
        }

        return "{}"u8.ToArray();
    }
}
