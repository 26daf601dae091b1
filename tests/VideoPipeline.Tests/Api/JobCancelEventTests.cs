using System.Net;
using VideoPipeline.Workflow.Activities;
using static VideoPipeline.Tests.Webhooks.JobWebhookTestKit;

namespace VideoPipeline.Tests.Api;

/// <summary>A cancel records its event from outside the orchestration, which may still have events of its own in flight.</summary>
public sealed class JobCancelEventTests
{
    [Fact]
    public async Task Cancel_job_whose_own_event_is_not_recorded_yet_numbers_the_cancel_after_it()
    {
        // The job emits job.started (number 1) but nothing records it, as when that activity has not run yet.
        var settings = BlockedJobsFixture.Settings();
        settings[$"DurableTask:ActivityConcurrency:{VideoPipeline.Durable.TaskNames.Of<RecordJobEventActivity>()}"] = "0";
        await using var host = await ApiTestHost.StartAsync(settings);
        using var client = host.Client();
        var jobId = await client.SubmitAsync();
        await BlockedJobsFixture.WaitForJobAsync(client, jobId, b => b.GetProperty("status").GetString() == "processing");

        using var response = await client.PostAsync($"/api/video/jobs/{jobId}/cancel", "");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("cancelled", (await response.JsonAsync()).GetProperty("status").GetString());
        var events = await EventsWhenAsync(client, jobId, e => e.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        var cancelled = Assert.Single(events.EnumerateArray());
        Assert.Equal(("job.cancelled", 2L), (cancelled.GetProperty("type").GetString(), cancelled.GetProperty("sequence").GetInt64()));
    }
}
