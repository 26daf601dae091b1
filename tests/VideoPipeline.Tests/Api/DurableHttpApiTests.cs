using System.Net;
using System.Text.Json;

namespace VideoPipeline.Tests.Api;

public sealed class DurableHttpApiTests(BlockedJobsFixture fixture) : IClassFixture<BlockedJobsFixture>
{
    private const string Instances = "/runtime/webhooks/durabletask/instances";

    [Fact]
    public async Task Status_running_instance_returns_202_then_200_once_terminated()
    {
        using var client = fixture.Host.Client();
        var jobId = await RunningJobAsync(client);

        using var running = await client.GetAsync($"{Instances}/{jobId}");
        Assert.Equal(HttpStatusCode.Accepted, running.StatusCode);
        Assert.Equal("Running", (await running.JsonAsync()).GetProperty("runtimeStatus").GetString());
        Assert.NotNull(running.Headers.Location);

        using var terminate = await client.PostAsync($"{Instances}/{jobId}/terminate?reason=test", "");
        Assert.Equal(HttpStatusCode.Accepted, terminate.StatusCode);
        var finished = await WaitForStatusAsync(client, jobId, HttpStatusCode.OK);

        Assert.Equal("Terminated", finished.GetProperty("runtimeStatus").GetString());
        Assert.Equal("GenerateVideo", finished.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Status_unknown_instance_returns_404()
    {
        using var client = fixture.Host.Client();

        using var response = await client.GetAsync($"{Instances}/{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Query_with_top_1_pages_through_the_x_ms_continuation_token()
    {
        using var client = fixture.Host.Client(ApiTestHost.BobKey);
        var submitted = new[] { await client.SubmitAsync(), await client.SubmitAsync() };

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Instances}?top=1");
            if (token is not null)
            {
                request.Headers.Add("x-ms-continuation-token", token);
            }

            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.AddRange((await response.JsonAsync()).EnumerateArray().Select(i => i.GetProperty("instanceId").GetString()!));
            token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.Single() : null;
            pages++;
        }
        while (token is not null && pages < 50);

        Assert.True(pages >= 2);
        Assert.Subset(seen.ToHashSet(), submitted.ToHashSet());
    }

    [Fact]
    public async Task RaiseEvent_body_that_is_not_json_returns_400()
    {
        using var client = fixture.Host.Client();
        var jobId = await RunningJobAsync(client);

        using var response = await client.PostAsync($"{Instances}/{jobId}/raiseEvent/approval", "{not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(response.IsProblem());
    }

    [Fact]
    public async Task RaiseEvent_json_body_on_a_running_instance_returns_202()
    {
        using var client = fixture.Host.Client();
        var jobId = await RunningJobAsync(client);

        using var response = await client.PostAsync($"{Instances}/{jobId}/raiseEvent/approval", """{"approved":true}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Suspend_then_resume_reads_suspended_then_running()
    {
        using var client = fixture.Host.Client();
        var jobId = await RunningJobAsync(client);

        using var suspend = await client.PostAsync($"{Instances}/{jobId}/suspend?reason=pause", "");
        Assert.Equal(HttpStatusCode.Accepted, suspend.StatusCode);
        await WaitForRuntimeStatusAsync(client, jobId, "Suspended");
        using var resume = await client.PostAsync($"{Instances}/{jobId}/resume?reason=go", "");

        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        await WaitForRuntimeStatusAsync(client, jobId, "Running");
    }

    [Fact]
    public async Task Purge_running_instance_returns_409_and_finished_one_returns_200_with_count()
    {
        using var client = fixture.Host.Client();
        var jobId = await RunningJobAsync(client);

        using var early = await client.DeleteAsync($"{Instances}/{jobId}");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        using var terminate = await client.PostAsync($"{Instances}/{jobId}/terminate", "");
        await WaitForStatusAsync(client, jobId, HttpStatusCode.OK);
        using var purge = await client.DeleteAsync($"{Instances}/{jobId}");

        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        Assert.Equal(1, (await purge.JsonAsync()).GetProperty("instancesDeleted").GetInt32());
    }

    private static async Task<string> RunningJobAsync(HttpClient client)
    {
        var jobId = await client.SubmitAsync();
        await WaitForRuntimeStatusAsync(client, jobId, "Running");
        return jobId;
    }

    private static async Task WaitForRuntimeStatusAsync(HttpClient client, string jobId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync($"{Instances}/{jobId}?showInput=false");
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted
                && (last = (await response.JsonAsync()).GetProperty("runtimeStatus").GetString()) == status)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"instance {jobId} never became {status} (last {last})");
    }

    private static async Task<JsonElement> WaitForStatusAsync(HttpClient client, string jobId, HttpStatusCode code)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync($"{Instances}/{jobId}");
            if (response.StatusCode == code)
            {
                return await response.JsonAsync();
            }

            Assert.True(DateTime.UtcNow < deadline, $"instance {jobId} still answers {(int)response.StatusCode}");
            await Task.Delay(100);
        }
    }
}
