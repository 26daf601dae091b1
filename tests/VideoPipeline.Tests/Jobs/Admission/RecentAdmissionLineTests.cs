using VideoPipeline.Jobs.Admission;

namespace VideoPipeline.Tests.Jobs.Admission;

/// <summary>The line queue positions read: answered from memory, read again behind the callers' backs.</summary>
public sealed class RecentAdmissionLineTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    private readonly Queue<TaskCompletionSource<AdmissionLineView>> reads = new();
    private int readCount;

    [Fact]
    public async Task GetAsync_line_older_than_FreshFor_is_answered_at_once_while_it_is_read_again()
    {
        var line = await this.ReadAtT0Async(Line(Waiting("a", 0)));

        var stale = Get(line, T0 + JobAdmission.LineFreshFor);

        Assert.True(stale.IsCompletedSuccessfully);
        Assert.Equal(["a"], Ids((await stale).Waiting));
        Assert.Equal(2, await this.ReadsStartedAsync(2));
    }

    [Fact]
    public async Task GetAsync_after_the_background_read_answers_what_it_read()
    {
        var line = await this.ReadAtT0Async(Line(Waiting("a", 0)));
        await Get(line, T0 + JobAdmission.LineFreshFor);
        await this.ReadsStartedAsync(2);

        this.Complete(Line(Waiting("a", 0), Waiting("b", 1)));

        Assert.Equal(["a", "b"], Ids((await EventuallyAsync(line, T0 + JobAdmission.LineFreshFor, l => l.Waiting.Count == 2)).Waiting));
    }

    [Fact]
    public async Task GetAsync_line_older_than_UsableFor_waits_for_a_new_read()
    {
        var line = await this.ReadAtT0Async(Line(Waiting("a", 0)));

        var old = Get(line, T0 + JobAdmission.LineUsableFor);
        await this.ReadsStartedAsync(2);

        Assert.False(old.IsCompleted);
        this.Complete(Line());
        Assert.Empty((await old).Waiting);
    }

    [Fact]
    public async Task GetAsync_within_FreshFor_does_not_read_again()
    {
        var line = await this.ReadAtT0Async(Line(Waiting("a", 0)));

        await Get(line, T0 + JobAdmission.LineFreshFor - TimeSpan.FromMilliseconds(1));

        Assert.Equal(1, this.readCount);
    }

    [Fact]
    public async Task Note_made_while_a_read_runs_is_applied_to_what_it_read()
    {
        var line = this.NewLine();
        var first = Get(line, T0);
        await this.ReadsStartedAsync(1);

        var joined = Waiting("new", 5);
        line.Note(new AdmissionChange(joined.Id, Joined: joined));
        this.Complete(Line(Waiting("a", 0)));

        Assert.Equal(["a", "new"], Ids((await first).Waiting));
    }

    [Fact]
    public async Task Note_of_an_admission_moves_the_job_from_waiting_to_holding_a_slot()
    {
        var line = await this.ReadAtT0Async(Line(Waiting("a", 0), Waiting("b", 1)));

        line.Note(new AdmissionChange("a", Admitted: new SlotHolder("a", T0.AddSeconds(2))));
        var now = await Get(line, T0);

        Assert.Equal("a|b", $"{string.Join(',', now.Holders.Select(h => h.JobId))}|{string.Join(',', Ids(now.Waiting))}");
    }

    [Fact]
    public async Task Note_of_a_leave_takes_the_job_out_of_the_line()
    {
        var line = await this.ReadAtT0Async(new AdmissionLineView([new SlotHolder("a", T0)], []));

        line.Note(new AdmissionChange("a", Left: "a"));
        var now = await Get(line, T0);

        Assert.Empty(now.Holders);
    }

    [Fact]
    public async Task GetAsync_after_a_failed_read_reads_again()
    {
        var line = this.NewLine();
        var first = Get(line, T0);
        await this.ReadsStartedAsync(1);
        lock (this.reads)
        {
            this.reads.Dequeue().SetException(new InvalidOperationException("store down"));
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);

        var second = Get(line, T0);
        await this.ReadsStartedAsync(2);
        this.Complete(Line(Waiting("a", 0)));

        Assert.Equal(["a"], Ids((await second).Waiting));
    }

    // A line whose first read, at T0, returned what is given.
    private async Task<RefreshedInBackground<AdmissionLineView, AdmissionChange>> ReadAtT0Async(AdmissionLineView read)
    {
        var line = this.NewLine();
        var first = Get(line, T0);
        this.Complete(read);
        await first;
        return line;
    }

    private RefreshedInBackground<AdmissionLineView, AdmissionChange> NewLine() => JobAdmission.NewRecentLine(() =>
    {
        var read = new TaskCompletionSource<AdmissionLineView>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (this.reads)
        {
            this.reads.Enqueue(read);
            this.readCount++;
        }

        return read.Task;
    });

    private void Complete(AdmissionLineView line)
    {
        SpinWait.SpinUntil(() => { lock (this.reads) { return this.reads.Count > 0; } }, TimeSpan.FromSeconds(5));
        lock (this.reads)
        {
            this.reads.Dequeue().SetResult(line);
        }
    }

    // Reads start on the thread pool.
    private async Task<int> ReadsStartedAsync(int count)
    {
        for (var i = 0; i < 500 && Volatile.Read(ref this.readCount) < count; i++)
        {
            await Task.Delay(10);
        }

        return Volatile.Read(ref this.readCount);
    }

    private static async Task<AdmissionLineView> EventuallyAsync(RefreshedInBackground<AdmissionLineView, AdmissionChange> line, DateTime now, Func<AdmissionLineView, bool> done)
    {
        for (var i = 0; ; i++)
        {
            var current = await Get(line, now);
            if (done(current) || i == 500)
            {
                return current;
            }

            await Task.Delay(10);
        }
    }

    // Bounded, so a read that never comes fails the test instead of hanging it.
    private static Task<AdmissionLineView> Get(RefreshedInBackground<AdmissionLineView, AdmissionChange> line, DateTime now) =>
        line.GetAsync(now, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

    private static string[] Ids(IEnumerable<AdmissionTicket> tickets) => [.. tickets.Select(t => t.Id)];

    private static AdmissionLineView Line(params AdmissionTicket[] waiting) => new([], waiting);

    private static AdmissionTicket Waiting(string id, int secondsAfterT0) =>
        new() { Id = id, Line = "Job", CreatedAt = new DateTimeOffset(T0.AddSeconds(secondsAfterT0)) };
}
