using VideoPipeline.Durable.InProcess;

namespace VideoPipeline.Tests.Workflow.Orchestration;

public sealed class ActivitySlotsTests
{
    [Fact]
    public async Task AcquireAsync_admits_higher_priority_first_then_scheduling_order()
    {
        var slots = new ActivitySlots(1);
        var held = await slots.AcquireAsync(0, 0, CancellationToken.None);
        var admitted = new List<string>();
        var waiting = new[]
        {
            Wait("clip-3", 0, 3), Wait("clip-1", 0, 1), Wait("transcript", 2, 9), Wait("voice", 1, 7),
        };

        held.Dispose();
        await Task.WhenAll(waiting);

        Assert.Equal(["transcript", "voice", "clip-1", "clip-3"], admitted);

        async Task Wait(string name, int priority, long order)
        {
            using var lease = await slots.AcquireAsync(priority, order, CancellationToken.None);
            admitted.Add(name);
        }
    }

    [Fact]
    public async Task AcquireAsync_cancelled_waiter_does_not_keep_a_slot()
    {
        var slots = new ActivitySlots(1);
        var held = await slots.AcquireAsync(0, 0, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = slots.AcquireAsync(0, 1, cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        held.Dispose();

        using var next = await slots.AcquireAsync(0, 2, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AcquireAsync_never_admits_more_than_capacity()
    {
        var slots = new ActivitySlots(2);
        var inside = 0;
        var most = 0;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var lease = await slots.AcquireAsync(i % 3, i, CancellationToken.None);
            most = Math.Max(most, Interlocked.Increment(ref inside));
            await Task.Delay(5);
            Interlocked.Decrement(ref inside);
        }));

        Assert.Equal(2, most);
    }
}
