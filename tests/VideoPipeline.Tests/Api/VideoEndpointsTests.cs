using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VideoPipeline.Host.Api.Video;

namespace VideoPipeline.Tests.Api;

public sealed class VideoEndpointsTests(BlockedJobsFixture fixture) : IClassFixture<BlockedJobsFixture>
{
    private static readonly string[] ManagementLinks = ["statusQueryGetUri", "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri", "suspendPostUri", "resumePostUri"];

    [Fact]
    public async Task Generate_valid_body_returns_202_with_the_seed_fields_and_durable_links()
    {
        using var client = fixture.Host.Client();

        using var response = await client.PostAsync("/api/video/generate", ApiJson.SmallJob);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.JsonAsync();
        var jobId = body.GetProperty("job_id").GetString()!;
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.All(ManagementLinks, link => Assert.Contains(jobId, body.GetProperty(link).GetString(), StringComparison.Ordinal));
        Assert.Equal(body.GetProperty("statusQueryGetUri").GetString(), response.Headers.Location!.ToString());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Generate_on_a_task_hub_where_no_job_finished_yet_estimates_completion_from_the_initial_estimate()
    {
        using var client = fixture.Host.Client();
        var submitted = DateTimeOffset.UtcNow;

        using var response = await client.PostAsync("/api/video/generate", ApiJson.SmallJob);

        // The fixture's jobs never finish, so no run time was measured: the default first guess (3 min) is the run.
        var body = await response.JsonAsync();
        Assert.True(body.TryGetProperty("estimated_completion_time", out var eta), body.ToString());
        Assert.True(eta.GetDateTimeOffset() >= submitted + TimeSpan.FromMinutes(3), eta.ToString());
    }

    [Fact]
    public async Task GetJob_polled_again_long_after_a_change_elsewhere_returns_the_change()
    {
        using var client = fixture.Host.Client();
        var jobId = await client.SubmitAsync();
        await BlockedJobsFixture.WaitForJobAsync(client, jobId, b => b.GetProperty("status").GetString() == "processing");

        // Changed behind this host's back (as another host or the worker would), then polled after two cache lifetimes.
        var durable = fixture.Host.Get<Microsoft.DurableTask.Client.DurableTaskClient>();
        await durable.TerminateInstanceAsync(jobId, "elsewhere");
        await durable.WaitForInstanceCompletionAsync(jobId, getInputsAndOutputs: false);
        await Task.Delay(fixture.Host.Get<IOptions<VideoApiOptions>>().Value.StatusCacheTtl * 2.25);
        using var response = await client.GetAsync($"/api/video/jobs/{jobId}");

        Assert.Equal("cancelled", (await response.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetJob_running_job_returns_seed_body_with_null_assets_and_echoed_metadata()
    {
        using var client = fixture.Host.Client();
        var jobId = await client.SubmitAsync("""{"prompt":"Sunrise over a quiet harbour","duration_seconds":3,"metadata":{"campaign":"spring","n":7}}""");

        var body = await BlockedJobsFixture.WaitForJobAsync(client, jobId, b => b.GetProperty("status").GetString() == "processing");

        Assert.Equal(jobId, body.GetProperty("job_id").GetString());
        Assert.Equal("moderation", body.GetProperty("current_stage").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("assets").GetProperty("final_video").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("error").ValueKind);
        Assert.Equal("spring", body.GetProperty("metadata").GetProperty("campaign").GetString());
        Assert.Equal(7, body.GetProperty("metadata").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task ListJobs_lists_the_callers_jobs_and_not_another_owners()
    {
        using var bob = fixture.Host.Client(ApiTestHost.BobKey);
        using var alice = fixture.Host.Client();
        var bobs = await bob.SubmitAsync();
        var alices = await alice.SubmitAsync();

        using var response = await bob.GetAsync("/api/video/jobs?page_size=200");

        var ids = (await response.JsonAsync()).GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("job_id").GetString()).ToList();
        Assert.Contains(bobs, ids);
        Assert.DoesNotContain(alices, ids);
    }

    [Fact]
    public async Task ListJobs_unknown_status_returns_400_naming_status()
    {
        using var client = fixture.Host.Client();

        using var response = await client.GetAsync("/api/video/jobs?status=stuck");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Cancel_running_job_returns_202_and_the_job_ends_cancelled()
    {
        using var client = fixture.Host.Client();
        var jobId = await client.SubmitAsync();
        await BlockedJobsFixture.WaitForJobAsync(client, jobId, b => b.GetProperty("status").GetString() == "processing");

        using var response = await client.PostAsync($"/api/video/jobs/{jobId}/cancel", "");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await BlockedJobsFixture.WaitForJobAsync(client, jobId, b => b.GetProperty("status").GetString() == "cancelled");
    }

    [Fact]
    public async Task PlanScenes_script_returns_scenes_whose_durations_sum_to_the_request()
    {
        using var client = fixture.Host.Client();

        using var response = await client.PostAsync(
            "/api/video/plan-scenes",
            """{"script":"Morning light fills the kitchen. Coffee brews slowly. A smile with the first sip.","duration_seconds":12,"style_preferences":{"lighting":"warm"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scenes = (await response.JsonAsync()).GetProperty("scenes").EnumerateArray().ToList();
        Assert.NotEmpty(scenes);
        Assert.Equal(12, scenes.Sum(s => s.GetProperty("duration_seconds").GetDouble()), 3);
        Assert.All(scenes, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("description").GetString())));
    }

    [Fact]
    public async Task GenerateWorkflow_scenes_return_api_format_workflow_and_gpu_time()
    {
        using var client = fixture.Host.Client();

        using var response = await client.PostAsync(
            "/api/video/generate-workflow",
            """{"scenes":[{"scene_number":1,"description":"Wide shot of a morning kitchen","duration_seconds":4},{"scene_number":2,"description":"Close-up of coffee pouring","duration_seconds":3}],"parameters":{"resolution":"1280x720"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("estimated_gpu_time").GetInt32() > 0);
        var nodes = body.GetProperty("workflow_json").EnumerateObject().ToList();
        Assert.Contains(nodes, n => n.Name.StartsWith("s1-", StringComparison.Ordinal));
        Assert.Contains(nodes, n => n.Name.StartsWith("s2-", StringComparison.Ordinal));
        Assert.All(nodes, n => Assert.True(n.Value.TryGetProperty("class_type", out _)));
    }

    [Fact]
    public async Task Generate_music_url_on_a_private_address_returns_400_naming_music_url()
    {
        using var client = fixture.Host.Client();

        using var response = await client.PostAsync("/api/video/generate", """{"prompt":"A walk in the park","duration_seconds":3,"music_url":"http://127.0.0.1:9/song.mp3"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("music_url", out _));
    }
}
