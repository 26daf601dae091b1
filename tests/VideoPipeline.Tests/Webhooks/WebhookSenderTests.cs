using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using VideoPipeline.Media.Fetching;
using VideoPipeline.Tests.Storage;
using VideoPipeline.Tests.TestSupport;
using VideoPipeline.Webhooks;

namespace VideoPipeline.Tests.Webhooks;

/// <summary>The sender against a real receiver on loopback (reachable only through the test policy).</summary>
public sealed class WebhookSenderTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"type\":\"job.succeeded\",\"timestamp\":\"2025-10-09T09:33:20Z\",\"data\":{\"job_id\":\"j1\"}}");

    private readonly string secret = WebhookSecret.Generate();
    private readonly ConcurrentQueue<Received> received = new();

    [Fact]
    public async Task SendAsync_receiver_answers_200_delivered_with_independently_verifiable_signature()
    {
        await using var receiver = await this.ReceiverAsync(_ => 200);
        using var sender = Sender(receiver.Policy);

        var result = await sender.SendAsync(receiver.Url("/hooks"), "msg_42", Body, new WebhookSigner(this.secret));

        Assert.Equal(WebhookDeliveryOutcome.Delivered, result.Outcome);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        var request = Assert.Single(this.received);
        Assert.Equal(Body, request.Body);
        Assert.Equal("msg_42", request.Id);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        var timestamp = long.Parse(request.Timestamp, CultureInfo.InvariantCulture);
        Assert.InRange(timestamp, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 30, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);

        // Recomputed here from the headers and raw bytes that arrived, without the production signer.
        using var hmac = new HMACSHA256(Convert.FromBase64String(this.secret["whsec_".Length..]));
        var expected = hmac.ComputeHash([.. Encoding.UTF8.GetBytes($"msg_42.{request.Timestamp}."), .. request.Body]);
        Assert.Equal($"v1,{Convert.ToBase64String(expected)}", request.Signature);
        new WebhookVerifier(this.secret).Verify(request.Id, request.Timestamp, request.Signature, request.Body);
    }

    [Fact]
    public async Task SendAsync_receiver_answers_500_failed_with_the_status_and_retry_after()
    {
        await using var receiver = await this.ReceiverAsync(context =>
        {
            context.Response.Headers.RetryAfter = "120";
            return 503;
        });
        using var sender = Sender(receiver.Policy);

        var result = await sender.SendAsync(receiver.Url("/hooks"), "msg_1", Body, new WebhookSigner(this.secret));

        Assert.Equal(WebhookDeliveryOutcome.Failed, result.Outcome);
        Assert.True(result.ShouldRetry);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_receiver_answers_500_failed()
    {
        await using var receiver = await this.ReceiverAsync(_ => 500);
        using var sender = Sender(receiver.Policy);

        var result = await sender.SendAsync(receiver.Url("/hooks"), "msg_1", Body, new WebhookSigner(this.secret));

        Assert.Equal(WebhookDeliveryOutcome.Failed, result.Outcome);
        Assert.Equal(HttpStatusCode.InternalServerError, result.Status);
        Assert.Contains("500", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_receiver_answers_410_gone_and_stops_retrying()
    {
        await using var receiver = await this.ReceiverAsync(_ => 410);
        using var sender = Sender(receiver.Policy);

        var result = await sender.SendAsync(receiver.Url("/hooks"), "msg_1", Body, new WebhookSigner(this.secret));

        Assert.Equal(WebhookDeliveryOutcome.Gone, result.Outcome);
        Assert.False(result.ShouldRetry);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task SendAsync_receiver_answers_permanent_4xx_rejected_without_retry(int status)
    {
        await using var receiver = await this.ReceiverAsync(_ => status);
        using var sender = Sender(receiver.Policy);

        var result = await sender.SendAsync(receiver.Url("/hooks"), "msg_1", Body, new WebhookSigner(this.secret));

        Assert.Equal(WebhookDeliveryOutcome.Rejected, result.Outcome);
        Assert.False(result.ShouldRetry);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(409)]
    [InlineData(425)]
    [InlineData(429)]
    public async Task SendAsync_receiver_answers_transient_4xx_failed_and_retried(int status)
    {
        await using var receiver = await this.ReceiverAsync(_ => status);
        using var sender = Sender(receiver.Policy);

        var result = await sender.SendAsync(receiver.Url("/hooks"), "msg_1", Body, new WebhookSigner(this.secret));

        Assert.Equal(WebhookDeliveryOutcome.Failed, result.Outcome);
        Assert.True(result.ShouldRetry);
    }

    [Fact]
    public async Task SendAsync_slow_receiver_fails_at_the_timeout()
    {
        await using var receiver = await KestrelLoopbackServer.StartAsync(async context => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted));
        using var sender = Sender(receiver.Policy, TimeSpan.FromMilliseconds(500));

        var result = await sender.SendAsync(receiver.Url("/hooks"), "msg_1", Body, new WebhookSigner(this.secret));

        Assert.Equal(WebhookDeliveryOutcome.Failed, result.Outcome);
        Assert.Null(result.Status);
        Assert.Contains("no answer within", result.Reason, StringComparison.Ordinal);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(5), $"took {result.Elapsed}");
    }

    [Fact]
    public async Task SendAsync_redirect_is_not_followed()
    {
        await using var receiver = await this.ReceiverAsync(context =>
        {
            context.Response.Headers.Location = "/elsewhere";
            return 307;
        });
        using var sender = Sender(receiver.Policy);

        var result = await sender.SendAsync(receiver.Url("/hooks"), "msg_1", Body, new WebhookSigner(this.secret));

        Assert.Equal(WebhookDeliveryOutcome.Failed, result.Outcome);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, result.Status);
        Assert.Equal("/hooks", Assert.Single(this.received).Path);
    }

    [Fact]
    public async Task SendAsync_closed_port_fails_with_a_network_reason()
    {
        var port = LoopbackHttpServer.FreePort();
        using var sender = Sender(DestinationPolicy.AllowingTestEndpoints(new IPEndPoint(IPAddress.Loopback, port)));

        var result = await sender.SendAsync(new Uri($"http://127.0.0.1:{port}/hooks"), "msg_1", Body, new WebhookSigner(this.secret));

        Assert.Equal(WebhookDeliveryOutcome.Failed, result.Outcome);
        Assert.Contains("network failure", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.1/hooks")]
    [InlineData("ftp://example.com/hooks")]
    public async Task SendAsync_internal_or_non_http_url_is_refused(string url)
    {
        using var sender = Sender(DestinationPolicy.PublicInternetOnly);

        var result = await sender.SendAsync(new Uri(url), "msg_1", Body, new WebhookSigner(this.secret));

        Assert.Equal(WebhookDeliveryOutcome.Refused, result.Outcome);
        Assert.False(result.ShouldRetry);
    }

    [Fact]
    public async Task SendAsync_default_policy_refuses_a_running_loopback_receiver()
    {
        await using var receiver = await this.ReceiverAsync(_ => 200);
        using var sender = new WebhookSender(Options.Create(new WebhookSenderOptions()));

        var result = await sender.SendAsync(receiver.Url("/hooks"), "msg_1", Body, new WebhookSigner(this.secret));

        Assert.Equal(WebhookDeliveryOutcome.Refused, result.Outcome);
        Assert.Contains("loopback", result.Reason, StringComparison.Ordinal);
        Assert.Empty(this.received);
    }

    private static WebhookSender Sender(DestinationPolicy policy, TimeSpan? timeout = null) =>
        new(Options.Create(new WebhookSenderOptions { Timeout = timeout ?? TimeSpan.FromSeconds(15) }), policy);

    private Task<KestrelLoopbackServer> ReceiverAsync(Func<HttpContext, int> status) =>
        KestrelLoopbackServer.StartAsync(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            this.received.Enqueue(new Received(
                context.Request.Path,
                context.Request.Headers[WebhookHeaderNames.Id].ToString(),
                context.Request.Headers[WebhookHeaderNames.Timestamp].ToString(),
                context.Request.Headers[WebhookHeaderNames.Signature].ToString(),
                context.Request.ContentType ?? string.Empty,
                body.ToArray()));
            context.Response.StatusCode = status(context);
        });

    private sealed record Received(string Path, string Id, string Timestamp, string Signature, string ContentType, byte[] Body);
}
