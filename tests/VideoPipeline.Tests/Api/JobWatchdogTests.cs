using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VideoPipeline.Tests.Api.Tasks;
using VideoPipeline.Workflow.Tasks;

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
    public async Task Watchdog_task_without_progress_past_its_stage_deadline_fails_with_stage_timeout()
    {
        // The task's media never gets imported: it stays running with nothing recorded.
        var settings = TinyDeadline();
        settings[$"DurableTask:ActivityConcurrency:{VideoPipeline.Durable.TaskNames.Of<VideoPipeline.Workflow.Tasks.Activities.ImportMediaActivity>()}"] = "0";
        await using var host = await ApiTestHost.StartAsync(settings);
        using var client = host.Client();
        using var form = new MultipartFormDataContent { { new ByteArrayContent("not really a video"u8.ToArray()), "file", "clip.mp4" } };
        using var upload = await client.PostAsync("/api/uploads", form);
        var asset = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("asset_url").GetString();
        var id = await TaskApiFixture.SubmitAsync(client, "caption", new { video_url = asset });

        var task = await TaskApiFixture.WaitForTaskAsync(client, id, TimeSpan.FromSeconds(30));

        Assert.Equal("failed", task.GetProperty("status").GetString());
        Assert.Equal("STAGE_TIMEOUT", task.GetProperty("error").GetProperty("code").GetString());
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
