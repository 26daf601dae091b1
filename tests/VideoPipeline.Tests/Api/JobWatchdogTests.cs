using System.Net;

namespace VideoPipeline.Tests.Api;

public sealed class JobWatchdogTests
{
    private static Dictionary<string, string?> TinyDeadline()
    {
        var settings = BlockedJobsFixture.Settings(watchdog: true);
        settings["Api:Watchdog:StageDeadline"] = "00:00:02";
        settings["Api:Watchdog:ScanInterval"] = "00:00:00.250";
        return settings;
    }

    [Fact]
    public async Task Watchdog_job_without_progress_past_its_stage_deadline_fails_with_stage_timeout()
    {
        await using var host = await ApiTestHost.StartAsync(TinyDeadline());
        using var client = host.Client();
        var jobId = await client.SubmitAsync();

        var job = await BlockedJobsFixture.WaitForJobAsync(client, jobId, b => b.GetProperty("status").GetString() is "failed" or "completed" or "cancelled");

        Assert.Equal("failed", job.GetProperty("status").GetString());
        var error = job.GetProperty("error");
        Assert.Equal("STAGE_TIMEOUT", error.GetProperty("code").GetString());
        Assert.True(error.GetProperty("retryable").GetBoolean());
        Assert.Equal("moderation", error.GetProperty("failed_stage").GetString());
    }

    [Fact]
    public async Task Watchdog_suspended_job_is_not_failed_past_the_deadline()
    {
        await using var host = await ApiTestHost.StartAsync(TinyDeadline());
        using var client = host.Client();
        var jobId = await client.SubmitAsync();
        using var suspend = await client.PostAsync($"/runtime/webhooks/durabletask/instances/{jobId}/suspend", "");
        Assert.Equal(HttpStatusCode.Accepted, suspend.StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(5));

        using var status = await client.GetAsync($"/runtime/webhooks/durabletask/instances/{jobId}");
        Assert.Equal("Suspended", (await status.JsonAsync()).GetProperty("runtimeStatus").GetString());
    }
}
