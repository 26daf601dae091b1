using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VideoPipeline.Tests.TestSupport;
using VideoPipeline.Webhooks;

namespace VideoPipeline.Tests.Webhooks;

/// <summary>
/// A webhook receiver on loopback (real Kestrel) that records every request as it arrived (headers, raw body)
/// and answers with <see cref="Answer"/>, which tests change while deliveries are under way.
/// </summary>
internal sealed class RecordingWebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private readonly SemaphoreSlim arrived = new(0);
    private KestrelLoopbackServer server = null!;

    /// <summary>The status for a request, given the ones that came before it (all of them, any id).</summary>
    public Func<ReceivedWebhook, int> Answer { get; set; } = _ => 200;

    public IPEndPoint EndPoint => this.server.EndPoint;

    public Uri Url => this.server.Url("/hooks");

    public IReadOnlyList<ReceivedWebhook> Received => [.. this.received];

    public static async Task<RecordingWebhookReceiver> StartAsync()
    {
        var receiver = new RecordingWebhookReceiver();
        receiver.server = await KestrelLoopbackServer.StartAsync(receiver.HandleAsync);
        return receiver;
    }

    /// <summary>Waits until <paramref name="condition"/> holds for what was received; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (!condition(this.Received))
        {
            try
            {
                await this.arrived.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = string.Join(", ", this.Received.Select(r => $"{r.Type}#{r.Sequence}->{r.Status}"));
                throw new TimeoutException($"Not received within {timeout}; received so far: [{seen}]");
            }
        }

        return this.Received;
    }

    public async ValueTask DisposeAsync()
    {
        await this.server.DisposeAsync();
        this.arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = new ReceivedWebhook(
            context.Request.Headers[WebhookHeaderNames.Id].ToString(),
            context.Request.Headers[WebhookHeaderNames.Timestamp].ToString(),
            context.Request.Headers[WebhookHeaderNames.Signature].ToString(),
            body.ToArray(),
            DateTimeOffset.UtcNow);
        var status = this.Answer(request);
        this.received.Enqueue(request with { Status = status });
        context.Response.StatusCode = status;
        this.arrived.Release();
    }
}

/// <summary>One request as it arrived, and what the receiver answered.</summary>
internal sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, byte[] Body, DateTimeOffset At)
{
    public int Status { get; init; }

    public JsonElement Json => JsonDocument.Parse(this.Body).RootElement;

    public string Type => this.Json.GetProperty("type").GetString()!;

    public long Sequence => this.Json.GetProperty("data").GetProperty("sequence").GetInt64();
}
