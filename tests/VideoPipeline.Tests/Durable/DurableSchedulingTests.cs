using VideoPipeline.Durable;
using VideoPipeline.Durable.Engine;

namespace VideoPipeline.Tests.Durable;

/// <summary>Limits and priorities: how many run at once, and who goes next.</summary>
public sealed class DurableSchedulingTests(SchedulingHostFixture fixture) : IClassFixture<SchedulingHostFixture>
{
    private DurableTestHost Host => fixture.Host;

    private ConcurrencyGauge Gauge => this.Host.Get<ConcurrencyGauge>();

    [Fact]
    public async Task InstanceConcurrency_runs_one_job_at_a_time_and_starts_waiting_ones_by_priority_then_age()
    {
        var key = Guid.NewGuid().ToString("N");
        var first = await this.StartJobAsync(key, "first", 1500, priority: 0);
        await this.Host.WaitUntilAsync(first, m => m.StartedAt is not null);
        var low1 = await this.StartJobAsync(key, "low1", 100, priority: 0);
        var low2 = await this.StartJobAsync(key, "low2", 100, priority: 0);
        var high = await this.StartJobAsync(key, "high", 100, priority: 5);

        foreach (var id in new[] { first, low1, low2, high })
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await this.Host.WaitAsync(id)).RuntimeStatus);
        }

        // Activities run at least once: a repeated start (a redelivered message) is allowed, the first starts' order is the rule.
        Assert.Equal(["first", "high", "low1", "low2"], this.Gauge.Starts(key + ":").Select(s => s[(key.Length + 1)..]).Distinct());
        Assert.Equal(1, this.Gauge.Max(key));
    }

    [Fact]
    public async Task GetQueuePosition_waiting_jobs_are_ranked_by_priority_then_age()
    {
        var key = Guid.NewGuid().ToString("N");
        var running = await this.StartJobAsync(key, "running", 2000, priority: 0);
        await this.Host.WaitUntilAsync(running, m => m.StartedAt is not null);
        var older = await this.StartJobAsync(key, "older", 50, priority: 0);
        var newer = await this.StartJobAsync(key, "newer", 50, priority: 0);
        var urgent = await this.StartJobAsync(key, "urgent", 50, priority: 9);

        var positions = new[] { running, urgent, older, newer }.Select(id => this.Host.Client.GetQueuePositionAsync(id)).ToList();
        await Task.WhenAll(positions);

        Assert.Equal([0, 1, 2, 3], positions.Select(p => p.Result.Position));
        Assert.All(positions, p => Assert.Equal(3, p.Result.Waiting));
        await this.Host.WaitAsync(newer);
    }

    [Fact]
    public async Task GetQueuePosition_counts_jobs_queued_after_the_line_was_read()
    {
        var key = Guid.NewGuid().ToString("N");
        var running = await this.StartJobAsync(key, "running", 2000, priority: 0);
        await this.Host.WaitUntilAsync(running, m => m.StartedAt is not null);
        var first = await this.StartJobAsync(key, "first", 50, priority: 0);
        Assert.Equal(1, (await this.Host.Client.GetQueuePositionAsync(first)).Position);

        var second = await this.StartJobAsync(key, "second", 50, priority: 0);
        var third = await this.StartJobAsync(key, "third", 50, priority: 0);
        var position = await this.Host.Client.GetQueuePositionAsync(third);

        Assert.Equal((3, 3), (position.Position, position.Waiting));
        Assert.Equal(2, (await this.Host.Client.GetQueuePositionAsync(second)).Position);
        await this.Host.WaitAsync(third);
    }

    [Fact]
    public async Task GetQueuePosition_estimates_the_wait_from_recent_run_times()
    {
        var key = Guid.NewGuid().ToString("N");
        await this.Host.WaitAsync(await this.StartJobAsync(key, "warmup", 1000, priority: 0));
        var typical = (await this.Host.Client.GetTypicalRunTimeAsync(nameof(Job)))!.Value;
        var running = await this.StartJobAsync(key, "running", 1000, priority: 0);
        await this.Host.WaitUntilAsync(running, m => m.StartedAt is not null);
        var next = await this.StartJobAsync(key, "next", 1000, priority: 0);
        var after = await this.StartJobAsync(key, "after", 1000, priority: 0);

        var nextWait = (await this.Host.Client.GetQueuePositionAsync(next)).EstimatedWait!.Value;
        var afterWait = (await this.Host.Client.GetQueuePositionAsync(after)).EstimatedWait!.Value;

        Assert.InRange(nextWait, TimeSpan.Zero, typical);
        // The second waits for the first's whole run (the two reads are a few milliseconds apart).
        Assert.InRange(afterWait - nextWait, typical - TimeSpan.FromMilliseconds(300), typical);
        await this.Host.WaitAsync(after);
    }

    [Fact]
    public async Task GetTypicalRunTime_before_any_run_completed_is_the_configured_initial_estimate()
    {
        Assert.Equal(TimeSpan.FromSeconds(42), await this.Host.Client.GetTypicalRunTimeAsync("NeverRun"));
    }

    [Fact]
    public async Task GetTypicalRunTime_counts_a_run_completed_after_it_was_read()
    {
        // Only this test runs TimedJob, and it has no initial estimate: nothing to go on yet.
        var key = Guid.NewGuid().ToString("N");
        Assert.Null(await this.Host.Client.GetTypicalRunTimeAsync(SchedulingTasks.TimedJob));

        var id = await this.Host.Client.ScheduleNewOrchestrationInstanceAsync(SchedulingTasks.TimedJob, new HoldInput(key, key + ":timed", 300));
        await this.Host.WaitAsync(id);

        // At once, not after the next background read (30 s).
        Assert.InRange(await this.Host.Client.GetTypicalRunTimeAsync(SchedulingTasks.TimedJob) ?? TimeSpan.Zero, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ActivityConcurrency_limits_one_activity_name_across_instances()
    {
        var key = Guid.NewGuid().ToString("N");
        var input = new HoldInput(key, key + ":", 150);

        var a = await this.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(HoldMany), input);
        var b = await this.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(HoldMany), input);

        Assert.Equal(8, (await this.Host.WaitAsync(a)).ReadOutputAs<int>());
        Assert.Equal(8, (await this.Host.WaitAsync(b)).ReadOutputAs<int>());
        Assert.Equal(2, this.Gauge.Max(key));
    }

    [Fact]
    public async Task RaiseEvent_before_the_instance_starts_is_delivered_once_it_starts()
    {
        var first = await this.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(EarlyListener));
        await this.Host.WaitUntilAsync(first, m => m.StartedAt is not null);
        var waiting = await this.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(EarlyListener));

        await this.Host.Client.RaiseEventAsync(waiting, "hello", "early");
        await Task.Delay(500);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await this.Host.Client.GetInstanceAsync(waiting))!.RuntimeStatus);
        await this.Host.Client.RaiseEventAsync(first, "hello", "first");

        Assert.Equal("first", (await this.Host.WaitAsync(first)).ReadOutputAs<string>());
        Assert.Equal("early", (await this.Host.WaitAsync(waiting)).ReadOutputAs<string>());
    }

    private Task<string> StartJobAsync(string key, string label, int milliseconds, int priority) =>
        this.Host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(Job), new HoldInput(key, $"{key}:{label}", milliseconds), new StartOrchestrationOptions { Priority = priority });
}
