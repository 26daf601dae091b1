using System.Text.Json;
using VideoPipeline.Domain;
using VideoPipeline.Jobs;
using VideoPipeline.Tests.Api;
using static VideoPipeline.Tests.Webhooks.JobWebhookTestKit;

namespace VideoPipeline.Tests.Webhooks;

/// <summary>A real generate job (offline providers, real ffmpeg) reporting to a receiver on loopback.</summary>
public sealed class JobWebhookEndToEndTests
{
    [Fact]
    public async Task SubmitAsync_job_with_webhook_receiver_gets_every_event_signed_in_sequence_order()
    {
        await using var receiver = await RecordingWebhookReceiver.StartAsync();
        await using var host = await ApiTestHost.StartAsync(Settings(), receiver.EndPoint);
        using var client = host.Client();
        var secret = await SecretAsync(client);
        using var metadata = JsonDocument.Parse(Metadata);

        var job = await host.Get<VideoJobs>().SubmitAsync(
            new JobSubmission("alice", new VideoRequest { Prompt = "A short ad for fresh bread", DurationSeconds = 4, Captions = false })
            {
                Notification = new JobNotification(receiver.Url, metadata.RootElement.Clone()),
            },
            CancellationToken.None);

        var received = await receiver.WaitForAsync(r => r.Any(x => x.Type == JobEventTypes.Succeeded), TimeSpan.FromMinutes(4));
        Assert.Equal(JobEventTypes.Started, received[0].Type);

        // Delivery is at least once (a re-run attempt sends again under the same webhook-id): order is what must hold.
        var seen = string.Join(", ", received.Select(r => $"{r.Type}#{r.Sequence}@{r.At:HH:mm:ss.fff}"));
        var distinct = received.DistinctBy(r => r.Id).Select(r => r.Sequence).ToList();
        Assert.True(Enumerable.Range(1, distinct.Count).Select(i => (long)i).SequenceEqual(distinct), seen);
        Assert.True(received.Select(r => r.Sequence).Order().SequenceEqual(received.Select(r => r.Sequence)), seen);
        Assert.All(received, r => Assert.True(SignatureMatches(r, secret), $"event {r.Sequence} is not signed with the owner's secret"));
        Assert.All(received, r => Assert.Equal(job.JobId, r.Json.GetProperty("data").GetProperty("job_id").GetString()));
        Assert.All(received, r => Assert.Equal("spring", r.Json.GetProperty("data").GetProperty("metadata").GetProperty("campaign").GetString()));
        var progress = received.Select(r => r.Json.GetProperty("data").GetProperty("progress").GetInt32()).ToList();
        Assert.Equal(progress.Order(), progress);
        Assert.True(received[^1].Json.GetProperty("data").GetProperty("assets").TryGetProperty("final_video", out _));
    }

    [Fact]
    public async Task SubmitAsync_progress_events_limited_to_one_an_hour_receiver_gets_started_and_succeeded_only()
    {
        await using var receiver = await RecordingWebhookReceiver.StartAsync();
        var settings = Settings();
        settings["Pipeline:ProgressEventMinInterval"] = "01:00:00";
        await using var host = await ApiTestHost.StartAsync(settings, receiver.EndPoint);

        await host.Get<VideoJobs>().SubmitAsync(
            new JobSubmission("alice", new VideoRequest { Prompt = "A short ad for fresh bread", DurationSeconds = 4, Captions = false })
            {
                Notification = new JobNotification(receiver.Url),
            },
            CancellationToken.None);

        var received = await receiver.WaitForAsync(r => r.Any(x => x.Type == JobEventTypes.Succeeded), TimeSpan.FromMinutes(4));
        Assert.Equal([JobEventTypes.Started, JobEventTypes.Succeeded], received.DistinctBy(r => r.Id).Select(r => r.Type));
        Assert.Equal([1L, 2L], received.DistinctBy(r => r.Id).Select(r => r.Sequence));
    }
}
