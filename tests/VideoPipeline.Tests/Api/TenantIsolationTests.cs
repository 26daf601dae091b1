using System.Net;

namespace VideoPipeline.Tests.Api;

public sealed class TenantIsolationTests(BlockedJobsFixture fixture) : IClassFixture<BlockedJobsFixture>
{
    [Fact]
    public async Task GetJob_of_another_owner_returns_404()
    {
        using var alice = fixture.Host.Client();
        using var bob = fixture.Host.Client(ApiTestHost.BobKey);
        var jobId = await alice.SubmitAsync();

        using var response = await bob.GetAsync($"/api/video/jobs/{jobId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Cancel_of_another_owners_job_returns_404_and_leaves_it_running()
    {
        using var alice = fixture.Host.Client();
        using var bob = fixture.Host.Client(ApiTestHost.BobKey);
        var jobId = await alice.SubmitAsync();

        using var response = await bob.PostAsync($"/api/video/jobs/{jobId}/cancel", "");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var job = await BlockedJobsFixture.WaitForJobAsync(alice, jobId, b => b.GetProperty("status").GetString() == "processing");
        Assert.Equal("processing", job.GetProperty("status").GetString());
    }

    [Fact]
    public async Task DurableStatus_of_another_owners_instance_returns_404()
    {
        using var alice = fixture.Host.Client();
        using var bob = fixture.Host.Client(ApiTestHost.BobKey);
        var jobId = await alice.SubmitAsync();

        using var response = await bob.GetAsync($"/runtime/webhooks/durabletask/instances/{jobId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DurableTerminate_of_another_owners_instance_returns_404()
    {
        using var alice = fixture.Host.Client();
        using var bob = fixture.Host.Client(ApiTestHost.BobKey);
        var jobId = await alice.SubmitAsync();

        using var response = await bob.PostAsync($"/runtime/webhooks/durabletask/instances/{jobId}/terminate", "");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Generate_without_a_key_returns_401()
    {
        using var anonymous = fixture.Host.Client(key: null);

        using var response = await anonymous.PostAsync("/api/video/generate", ApiJson.SmallJob);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
