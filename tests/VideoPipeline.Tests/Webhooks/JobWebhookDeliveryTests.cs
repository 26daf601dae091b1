using System.Globalization;
using VideoPipeline.Jobs;
using VideoPipeline.Tests.Api;
using VideoPipeline.Tests.TestSupport;
using static VideoPipeline.Tests.Webhooks.JobWebhookTestKit;

namespace VideoPipeline.Tests.Webhooks;

/// <summary>Job events delivered by the real API host (its worker) to a real receiver on loopback.</summary>
public sealed class JobWebhookDeliveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Delivery_job_event_arrives_signed_with_the_owner_secret()
    {
        await using var receiver = await RecordingWebhookReceiver.StartAsync();
        await using var host = await ApiTestHost.StartAsync(Settings(), receiver.EndPoint);
        using var client = host.Client();
        var secret = await SecretAsync(client);
        var jobId = await CreateJobAsync(host);

        await RecordAsync(host, jobId, 1, JobEventTypes.Started, receiver.Url);

        var request = (await receiver.WaitForAsync(r => r.Count >= 1, Patience))[0];
        Assert.True(SignatureMatches(request, secret), $"signature {request.Signature} does not match");
        Assert.Equal($"evt_{jobId}_1", request.Id);
        Assert.InRange(long.Parse(request.Timestamp, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
    }

    [Fact]
    public async Task Delivery_body_carries_type_job_status_sequence_and_echoed_metadata()
    {
        await using var receiver = await RecordingWebhookReceiver.StartAsync();
        await using var host = await ApiTestHost.StartAsync(Settings(), receiver.EndPoint);
        var jobId = await CreateJobAsync(host);

        await RecordAsync(host, jobId, 1, JobEventTypes.Succeeded, receiver.Url);

        var body = (await receiver.WaitForAsync(r => r.Count >= 1, Patience))[0].Json;
        Assert.Equal("job.succeeded", body.GetProperty("type").GetString());
        Assert.True(body.TryGetProperty("timestamp", out _));
        var data = body.GetProperty("data");
        Assert.Equal(jobId, data.GetProperty("job_id").GetString());
        Assert.Equal("completed", data.GetProperty("status").GetString());
        Assert.Equal(100, data.GetProperty("progress").GetInt32());
        Assert.Equal(1, data.GetProperty("sequence").GetInt64());
        Assert.Equal("outputs/final.mp4", data.GetProperty("assets").GetProperty("final_video").GetString());
        Assert.Equal("spring", data.GetProperty("metadata").GetProperty("campaign").GetString());
    }

    [Fact]
    public async Task Delivery_receiver_answers_500_retried_until_delivered()
    {
        await using var receiver = await RecordingWebhookReceiver.StartAsync();
        var calls = 0;
        receiver.Answer = _ => Interlocked.Increment(ref calls) == 1 ? 500 : 200;
        await using var host = await ApiTestHost.StartAsync(Settings(), receiver.EndPoint);
        var jobId = await CreateJobAsync(host);

        await RecordAsync(host, jobId, 1, JobEventTypes.Started, receiver.Url);

        var received = await receiver.WaitForAsync(r => r.Any(x => x.Status == 200), Patience);
        Assert.Equal([500, 200], received.Select(r => r.Status));
    }

    [Fact]
    public async Task Delivery_retry_carries_the_same_webhook_id_and_body_for_dedupe()
    {
        await using var receiver = await RecordingWebhookReceiver.StartAsync();
        var calls = 0;
        receiver.Answer = _ => Interlocked.Increment(ref calls) <= 2 ? 503 : 200;
        await using var host = await ApiTestHost.StartAsync(Settings(), receiver.EndPoint);
        var jobId = await CreateJobAsync(host);

        await RecordAsync(host, jobId, 1, JobEventTypes.Started, receiver.Url);

        var received = await receiver.WaitForAsync(r => r.Any(x => x.Status == 200), Patience);
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => r.Id).Distinct());
        Assert.All(received, r => Assert.Equal(received[0].Body, r.Body));
    }

    [Fact]
    public async Task Delivery_events_logged_out_of_order_arrive_in_sequence_order()
    {
        await using var receiver = await RecordingWebhookReceiver.StartAsync();
        var calls = 0;

        // The first event's first attempt fails: later events must wait for its retry, not overtake it.
        receiver.Answer = _ => Interlocked.Increment(ref calls) == 1 ? 500 : 200;
        await using var host = await ApiTestHost.StartAsync(Settings(), receiver.EndPoint);
        var jobId = await CreateJobAsync(host);

        await RecordAsync(host, jobId, 3, JobEventTypes.Progress, receiver.Url);
        await RecordAsync(host, jobId, 1, JobEventTypes.Started, receiver.Url);
        await RecordAsync(host, jobId, 2, JobEventTypes.Progress, receiver.Url);
        await RecordAsync(host, jobId, 4, JobEventTypes.Succeeded, receiver.Url);

        // Compared by sequence, not request by request: delivery is at least once, duplicates may follow an original.
        var received = await receiver.WaitForAsync(r => r.Any(x => x.Type == JobEventTypes.Succeeded), Patience);
        var sequences = received.Select(r => r.Sequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal([1L, 2L, 3L, 4L], sequences.Distinct());
        Assert.Equal(500, received[0].Status);
        Assert.Contains(received, r => r.Sequence == 1 && r.Status == 200);
    }

    [Fact]
    public async Task Delivery_missing_earlier_event_later_one_sent_after_the_gap_wait()
    {
        await using var receiver = await RecordingWebhookReceiver.StartAsync();
        await using var host = await ApiTestHost.StartAsync(Settings(), receiver.EndPoint);
        var jobId = await CreateJobAsync(host);
        await RecordAsync(host, jobId, 1, JobEventTypes.Started, receiver.Url);
        await receiver.WaitForAsync(r => r.Count >= 1, Patience);
        var gapSeen = DateTimeOffset.UtcNow;

        await RecordAsync(host, jobId, 3, JobEventTypes.Progress, receiver.Url);

        var received = await receiver.WaitForAsync(r => r.Any(x => x.Sequence == 3), Patience);
        Assert.Equal([1L, 3L], received.Select(r => r.Sequence).Distinct());
        Assert.True(received.First(r => r.Sequence == 3).At - gapSeen >= TimeSpan.FromSeconds(4), $"sent {received[1].At - gapSeen} after the gap appeared");
    }

    [Fact]
    public async Task Delivery_receiver_answers_410_later_events_of_the_job_are_not_sent()
    {
        await using var receiver = await RecordingWebhookReceiver.StartAsync();
        receiver.Answer = _ => 410;
        await using var host = await ApiTestHost.StartAsync(Settings(), receiver.EndPoint);
        using var client = host.Client();
        var jobId = await CreateJobAsync(host);

        await RecordAsync(host, jobId, 1, JobEventTypes.Started, receiver.Url);
        await RecordAsync(host, jobId, 2, JobEventTypes.Succeeded, receiver.Url);

        var events = await EventsWhenAsync(
            client, jobId, e => e.GetArrayLength() == 2 && e[1].GetProperty("deliveries")[0].GetProperty("status").GetString() == "gone", Patience);
        Assert.Contains("410", events[1].GetProperty("deliveries")[0].GetProperty("attempts")[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal([1L], receiver.Received.Select(r => r.Sequence).Distinct());
    }

    [Fact]
    public async Task Delivery_host_restarted_while_waiting_to_retry_event_arrives_after_restart()
    {
        await using var receiver = await RecordingWebhookReceiver.StartAsync();
        receiver.Answer = _ => 500;
        var settings = Settings(retryDelay: "00:00:05");
        var first = await ApiTestHost.StartAsync(settings, receiver.EndPoint);
        try
        {
            var jobId = await CreateJobAsync(first);
            await RecordAsync(first, jobId, 1, JobEventTypes.Started, receiver.Url);
            await receiver.WaitForAsync(r => r.Count >= 1, Patience);

            // Down while the retry waits on its durable timer; the receiver recovers meanwhile.
            await first.App.StopAsync();
            receiver.Answer = _ => 200;
            settings["Storage:ContainerPrefix"] = first.ContainerPrefix;
            settings["DurableTask:HubName"] = TestServices.HubOf(first.ContainerPrefix);
            await using var second = await ApiTestHost.StartAsync(settings, receiver.EndPoint);

            var received = await receiver.WaitForAsync(r => r.Any(x => x.Status == 200), Patience);
            Assert.Equal(500, received[0].Status);
            // At least once: a retry in flight while the first host stopped may also land; every copy is the same event.
            Assert.All(received.Where(r => r.Status == 200), r => Assert.Equal(received[0].Id, r.Id));
        }
        finally
        {
            await first.DisposeAsync();
        }
    }
}
