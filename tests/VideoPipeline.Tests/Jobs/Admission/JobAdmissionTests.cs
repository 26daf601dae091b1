using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Jobs.Admission;
using VideoPipeline.Tests.Durable;

namespace VideoPipeline.Tests.Jobs.Admission;

/// <summary>Admission on the real stores: Cosmos DB lines, orchestrations waiting on events in the Durable backend.</summary>
public sealed class JobAdmissionTests
{
    private const string Line = "TestLine";
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Waiting_jobs_start_highest_priority_first_then_oldest_one_slot_at_a_time()
    {
        await using var host = await StartAsync(limit: 1);
        var order = host.Get<StartOrder>();
        await StartJobAsync(host, "a", 0, 0);
        await WaitUntilAsync(() => order.Started.Count == 1);
        await StartJobAsync(host, "low", 0, 1);
        await StartJobAsync(host, "high-old", 5, 2);
        await StartJobAsync(host, "high-new", 5, 3);
        await WaitUntilAsync(async () => (await host.Get<JobAdmission>().ReadAsync(Line, default)).Waiting.Count == 3);

        var admission = host.Get<JobAdmission>();
        var positions = new List<int>();
        foreach (var (id, priority, at) in new[] { ("high-old", 5, 2), ("high-new", 5, 3), ("low", 0, 1) })
        {
            positions.Add((await admission.EstimateAsync(new AdmissionTicket { Id = id, Line = Line, Priority = priority, CreatedAt = T0.AddSeconds(at) }, default)).Position);
        }

        foreach (var finishing in new[] { "a", "high-old", "high-new" })
        {
            var started = order.Started.Count;
            await host.Client.RaiseEventAsync(finishing, "finish", "now");
            await WaitUntilAsync(() => order.Started.Count == started + 1);
        }

        Assert.Equal([1, 2, 3], positions);
        Assert.Equal(["a", "high-old", "high-new", "low"], order.Started);
    }

    [Fact]
    public async Task Slot_of_a_job_terminated_while_running_goes_to_the_next_on_the_admission_pass()
    {
        await using var host = await StartAsync(limit: 1);
        var order = host.Get<StartOrder>();
        await StartJobAsync(host, "holder", 0, 0);
        await WaitUntilAsync(() => order.Started.Count == 1);
        await StartJobAsync(host, "next", 0, 1);

        await host.Client.TerminateInstanceAsync("holder", "cancelled");
        await host.WaitAsync("holder");
        await host.Get<AdmissionController>().RunOnceAsync(Line, default);

        await WaitUntilAsync(() => order.Started.Count == 2);
        Assert.Equal(["holder", "next"], order.Started);
    }

    [Fact]
    public async Task TryAdmit_from_many_callers_at_once_never_gives_more_slots_than_the_limit()
    {
        await using var host = await StartAsync(limit: 2, startWorker: false);
        var admission = host.Get<JobAdmission>();
        var ids = Enumerable.Range(0, 10).Select(i => $"job{i}").ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await admission.JoinAsync(Line, id, 0, T0.AddSeconds(i), default);
        }

        var admitted = await Task.WhenAll(ids.Select(id => admission.TryAdmitAsync(Line, id, default)));

        Assert.Equal(2, admitted.Count(a => a));
        Assert.Equal(2, (await admission.ReadAsync(Line, default)).Holders.Count);
    }

    private static async Task<DurableTestHost> StartAsync(int limit, bool startWorker = true)
    {
        var host = await DurableTestHost.StartAsync(
            AdmissionTestTasks.Register,
            new Dictionary<string, string?> { [$"Admission:Concurrency:{Line}"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            startWorker,
            configure: s => s.AddSingleton<StartOrder>().AddSingleton<AdmissionController>());
        return host;
    }

    private static Task<string> StartJobAsync(DurableTestHost host, string id, int priority, int secondsAfterT0) =>
        host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LinedJob), new LinedJobInput(Line, priority, T0.AddSeconds(secondsAfterT0)), new Microsoft.DurableTask.StartOrchestrationOptions(id));

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the expected state was never reached");
            await Task.Delay(100);
        }
    }
}
