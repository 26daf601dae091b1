using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VideoPipeline.Jobs;
using VideoPipeline.Storage.Tasks;
using VideoPipeline.Tests.Api;

namespace VideoPipeline.Tests.Webhooks;

/// <summary>Jobs, events and independent signature checks for the webhook tests against the real API host.</summary>
internal static class JobWebhookTestKit
{
    public const string Metadata = """{"campaign":"spring","tags":["a","b"]}""";

    /// <summary>Short retries and waits so a test sees several attempts in seconds.</summary>
    public static Dictionary<string, string?> Settings(string retryDelay = "00:00:01") => new()
    {
        ["Webhooks:Delivery:RetryDelays:0"] = retryDelay,
        ["Webhooks:Delivery:RetryDelays:1"] = retryDelay,
        ["Webhooks:Delivery:RetryDelays:2"] = retryDelay,
        ["Webhooks:Delivery:RetryDelays:3"] = retryDelay,
        ["Webhooks:Delivery:IdlePoll"] = "00:00:02",
        ["Webhooks:Delivery:GapWait"] = "00:00:05",
    };

    /// <summary>A generate job's task record (no orchestration: the tests publish its events themselves).</summary>
    public static async Task<string> CreateJobAsync(ApiTestHost host, string owner = "alice")
    {
        var id = "wh-" + Guid.NewGuid().ToString("N")[..16];
        await host.Get<ITaskStore>().CreateAsync(new TaskRecord { Id = id, OwnerId = owner, Type = TaskRecordType.Generate });
        return id;
    }

    /// <summary>Publishes an event the way the orchestrator's RecordJobEvent activity does.</summary>
    public static Task RecordAsync(ApiTestHost host, string jobId, long sequence, string type, Uri? webhookUrl, string owner = "alice")
    {
        using var metadata = JsonDocument.Parse(Metadata);
        var jobEvent = new JobEvent(jobId, owner, sequence, type, DateTime.UtcNow)
        {
            Stage = type == JobEventTypes.Succeeded ? "completed" : "video_generation",
            Progress = type == JobEventTypes.Succeeded ? 100 : (int)sequence * 10,
            Outputs = type == JobEventTypes.Succeeded ? new Dictionary<string, string> { ["final_video"] = "outputs/final.mp4" } : null,
            Notification = new JobNotification(webhookUrl, metadata.RootElement.Clone()),
        };
        return host.Get<JobEventRecorder>().RecordAsync(jobEvent, CancellationToken.None);
    }

    public static async Task<string> SecretAsync(HttpClient client)
    {
        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/webhooks/default/secret", UriKind.Relative)));
        return body.RootElement.GetProperty("key").GetString()!;
    }

    /// <summary>True when some <c>v1</c> entry is HMAC-SHA256 over <c>id.timestamp.body</c>, computed here without the production code.</summary>
    public static bool SignatureMatches(ReceivedWebhook request, string secret)
    {
        using var hmac = new HMACSHA256(Convert.FromBase64String(secret["whsec_".Length..]));
        var expected = "v1," + Convert.ToBase64String(hmac.ComputeHash([.. Encoding.UTF8.GetBytes($"{request.Id}.{request.Timestamp}."), .. request.Body]));
        return request.Signature.Split(' ').Contains(expected);
    }

    /// <summary>GET the job's events until <paramref name="condition"/> holds.</summary>
    public static async Task<JsonElement> EventsWhenAsync(HttpClient client, string jobId, Func<JsonElement, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var events = (await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/video/jobs/{jobId}/events", UriKind.Relative))).GetProperty("events");
            if (condition(events))
            {
                return events;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Events not as expected within {timeout}: {events}");
            }

            await Task.Delay(200);
        }
    }
}
