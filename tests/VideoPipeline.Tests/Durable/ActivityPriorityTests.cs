using VideoPipeline.Durable.Engine;

namespace VideoPipeline.Tests.Durable;

public sealed class ActivityPriorityTests
{
    [Fact]
    public async Task ActivityDispatcher_waiting_work_of_a_higher_priority_job_runs_first()
    {
        await using var host = await DurableTestHost.StartAsync(
            SchedulingTasks.Register, new Dictionary<string, string?> { ["Durable:MaxConcurrentActivities"] = "1" }, startWorker: false);
        var key = Guid.NewGuid().ToString("N");
        foreach (var (label, priority) in new[] { ("low", 0), ("low", 0), ("low", 0), ("high", 10), ("high", 10), ("high", 10) })
        {
            // Requests of an instance that does not exist: their results are dropped, their order is what counts.
            await host.Engine.SendAsync(
                new WorkMessage
                {
                    Id = Guid.NewGuid().ToString("N"),
                    Kind = WorkMessageKind.ActivityRequest,
                    InstanceId = "nobody-" + key,
                    ExecutionId = "e",
                    TaskId = 0,
                    Name = nameof(Hold),
                    Payload = host.Engine.Converter.Serialize(new HoldInput(key, $"{key}:{label}", 10)),
                    Priority = priority,
                },
                CancellationToken.None);
        }

        await host.StartWorkerAsync();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (host.Get<ConcurrencyGauge>().Starts(key).Count < 6 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(
            [$"{key}:high", $"{key}:high", $"{key}:high", $"{key}:low", $"{key}:low", $"{key}:low"],
            host.Get<ConcurrencyGauge>().Starts(key));
    }
}
