namespace VideoPipeline.Tests.Durable;

/// <summary>An engine host with admission and per-activity limits: Job runs one at a time, Hold two at a time.</summary>
public sealed class SchedulingHostFixture : IAsyncLifetime
{
    public DurableTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => this.Host = await DurableTestHost.StartAsync(
        SchedulingTasks.Register,
        new Dictionary<string, string?>
        {
            ["Durable:InstanceConcurrency:Job"] = "1",
            ["Durable:InstanceConcurrency:EarlyListener"] = "1",
            ["Durable:ActivityConcurrency:Hold"] = "2",
            ["Durable:MaxConcurrentActivities"] = "6",
            ["Durable:InitialRunEstimates:NeverRun"] = "00:00:42",
        });

    public async Task DisposeAsync() => await this.Host.DisposeAsync();
}
