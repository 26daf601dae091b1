using System.Net;
using System.Text.Json;
using VideoPipeline.Jobs;
using VideoPipeline.Tests.Api;
using static VideoPipeline.Tests.Webhooks.JobWebhookTestKit;

namespace VideoPipeline.Tests.Webhooks;

/// <summary>The secret, events and redeliver endpoints of the real API host.</summary>
public sealed class WebhookEndpointsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Secret_first_call_creates_a_whsec_key_that_later_calls_return()
    {
        await using var host = await ApiTestHost.StartAsync();
        using var client = host.Client(ApiTestHost.BobKey);

        var first = await SecretAsync(client);
        var second = await SecretAsync(client);

        Assert.StartsWith("whsec_", first, StringComparison.Ordinal);
        Assert.InRange(Convert.FromBase64String(first["whsec_".Length..]).Length, 24, 64);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Secret_each_owner_has_its_own()
    {
        await using var host = await ApiTestHost.StartAsync();
        using var alice = host.Client();
        using var bob = host.Client(ApiTestHost.BobKey);

        Assert.NotEqual(await SecretAsync(alice), await SecretAsync(bob));
    }

    [Fact]
    public async Task Secret_without_a_key_is_401()
    {
        await using var host = await ApiTestHost.StartAsync();
        using var client = host.Client(key: null);

        using var response = await client.GetAsync(new Uri("/api/webhooks/default/secret", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Rotate_returns_a_new_key_that_get_then_returns()
    {
        await using var host = await ApiTestHost.StartAsync();
        using var client = host.Client();
        var before = await SecretAsync(client);

        using var response = await client.PostAsync(new Uri("/api/webhooks/default/secret/rotate", UriKind.Relative), null);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var rotated = body.RootElement.GetProperty("key").GetString();
        Assert.NotEqual(before, rotated);
        Assert.Equal(rotated, await SecretAsync(client));
    }

    [Fact]
    public async Task Rotate_later_deliveries_are_signed_with_the_new_and_the_previous_secret()
    {
        await using var receiver = await RecordingWebhookReceiver.StartAsync();
        await using var host = await ApiTestHost.StartAsync(Settings(), receiver.EndPoint);
        using var client = host.Client();
        var before = await SecretAsync(client);
        (await client.PostAsync(new Uri("/api/webhooks/default/secret/rotate", UriKind.Relative), null)).Dispose();
        var after = await SecretAsync(client);
        var jobId = await CreateJobAsync(host);

        await RecordAsync(host, jobId, 1, JobEventTypes.Started, receiver.Url);

        var request = Assert.Single(await receiver.WaitForAsync(r => r.Count == 1, Patience));
        Assert.True(SignatureMatches(request, after), "not signed with the new secret");
        Assert.True(SignatureMatches(request, before), "not signed with the previous secret during its grace period");
    }

    [Fact]
    public async Task Events_lists_each_event_in_order_with_its_delivery_attempts()
    {
        await using var receiver = await RecordingWebhookReceiver.StartAsync();
        var calls = 0;
        receiver.Answer = _ => Interlocked.Increment(ref calls) == 1 ? 500 : 200;
        await using var host = await ApiTestHost.StartAsync(Settings(), receiver.EndPoint);
        using var client = host.Client();
        var jobId = await CreateJobAsync(host);

        await RecordAsync(host, jobId, 1, JobEventTypes.Started, receiver.Url);
        await RecordAsync(host, jobId, 2, JobEventTypes.Succeeded, receiver.Url);

        var events = await EventsWhenAsync(client, jobId, e => e.GetArrayLength() == 2 && DeliveryStatus(e[1]) == "delivered", Patience);
        Assert.Equal([1L, 2L], events.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(["job.started", "job.succeeded"], events.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal($"evt_{jobId}_1", events[0].GetProperty("event_id").GetString());
        var attempts = events[0].GetProperty("deliveries")[0].GetProperty("attempts");
        Assert.Equal([500, 200], attempts.EnumerateArray().Select(a => a.GetProperty("status_code").GetInt32()));
        Assert.Equal("failed", attempts[0].GetProperty("outcome").GetString());
        Assert.Contains("500", attempts[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, attempts[0].GetProperty("next_attempt_at").ValueKind);
        Assert.Equal("delivered", attempts[1].GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.String, attempts[1].GetProperty("attempted_at").ValueKind);
    }

    [Fact]
    public async Task Redeliver_sends_the_event_again_with_the_same_webhook_id_and_body()
    {
        await using var receiver = await RecordingWebhookReceiver.StartAsync();
        await using var host = await ApiTestHost.StartAsync(Settings(), receiver.EndPoint);
        using var client = host.Client();
        var jobId = await CreateJobAsync(host);
        await RecordAsync(host, jobId, 1, JobEventTypes.Started, receiver.Url);
        var original = Assert.Single(await receiver.WaitForAsync(r => r.Count == 1, Patience));

        using var response = await client.PostAsync(new Uri($"/api/video/jobs/{jobId}/events/{original.Id}/redeliver", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var again = (await receiver.WaitForAsync(r => r.Count == 2, Patience))[1];
        Assert.Equal(original.Id, again.Id);
        Assert.Equal(original.Body, again.Body);
        Assert.True(SignatureMatches(again, await SecretAsync(client)));
    }

    [Fact]
    public async Task Redeliver_is_listed_as_a_second_delivery_of_the_event()
    {
        await using var receiver = await RecordingWebhookReceiver.StartAsync();
        await using var host = await ApiTestHost.StartAsync(Settings(), receiver.EndPoint);
        using var client = host.Client();
        var jobId = await CreateJobAsync(host);
        await RecordAsync(host, jobId, 1, JobEventTypes.Started, receiver.Url);
        await receiver.WaitForAsync(r => r.Count == 1, Patience);

        using var response = await client.PostAsync(new Uri($"/api/video/jobs/{jobId}/events/evt_{jobId}_1/redeliver", UriKind.Relative), null);

        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("redelivery", accepted.RootElement.GetProperty("trigger").GetString());
        var events = await EventsWhenAsync(
            client, jobId, e => e[0].GetProperty("deliveries").GetArrayLength() == 2 && e[0].GetProperty("deliveries")[1].GetProperty("status").GetString() == "delivered", Patience);
        Assert.Equal(accepted.RootElement.GetProperty("delivery_id").GetString(), events[0].GetProperty("deliveries")[1].GetProperty("delivery_id").GetString());
    }

    [Fact]
    public async Task Events_of_another_owners_job_is_404()
    {
        await using var host = await ApiTestHost.StartAsync();
        using var bob = host.Client(ApiTestHost.BobKey);
        var jobId = await CreateJobAsync(host, owner: "alice");
        await RecordAsync(host, jobId, 1, JobEventTypes.Started, webhookUrl: null);

        using var response = await bob.GetAsync(new Uri($"/api/video/jobs/{jobId}/events", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Redeliver_of_another_owners_job_is_404()
    {
        await using var host = await ApiTestHost.StartAsync();
        using var bob = host.Client(ApiTestHost.BobKey);
        var jobId = await CreateJobAsync(host, owner: "alice");
        await RecordAsync(host, jobId, 1, JobEventTypes.Started, webhookUrl: null);

        using var response = await bob.PostAsync(new Uri($"/api/video/jobs/{jobId}/events/evt_{jobId}_1/redeliver", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Redeliver_unknown_event_is_404()
    {
        await using var host = await ApiTestHost.StartAsync();
        using var client = host.Client();
        var jobId = await CreateJobAsync(host);

        using var response = await client.PostAsync(new Uri($"/api/video/jobs/{jobId}/events/evt_{jobId}_9/redeliver", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Redeliver_job_without_webhook_url_is_409()
    {
        await using var host = await ApiTestHost.StartAsync();
        using var client = host.Client();
        var jobId = await CreateJobAsync(host);
        await RecordAsync(host, jobId, 1, JobEventTypes.Started, webhookUrl: null);

        using var response = await client.PostAsync(new Uri($"/api/video/jobs/{jobId}/events/evt_{jobId}_1/redeliver", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    private static string? DeliveryStatus(JsonElement jobEvent) =>
        jobEvent.GetProperty("deliveries") is { ValueKind: JsonValueKind.Array } d && d.GetArrayLength() > 0 ? d[0].GetProperty("status").GetString() : null;
}
