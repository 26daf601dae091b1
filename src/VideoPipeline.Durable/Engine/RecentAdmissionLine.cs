namespace VideoPipeline.Durable.Engine;

/// <summary>
/// One orchestrator's admission line as last read, kept current with this process's own creations, starts and
/// finishes, for queue positions only. A line older than <see cref="FreshFor"/> is still answered from memory
/// while a newer read runs in the background, so a burst of submits does not queue behind a query over the whole
/// line; one older than <see cref="UsableFor"/> (a process that was quiet while others worked) is read first.
/// </summary>
internal sealed class RecentAdmissionLine(Func<Task<AdmissionLine>> read)
{
    /// <summary>Other processes' changes show within this (plus one read).</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan UsableFor = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();

    // Changes noted while a read runs: the read may have missed them, so they are applied to its result.
    private readonly Dictionary<string, InstanceState> notedWhileReading = new(StringComparer.Ordinal);
    private AdmissionLine? line;
    private DateTime readAt;
    private Task<AdmissionLine>? reading;

    public Task<AdmissionLine> GetAsync(DateTime now, CancellationToken cancellationToken)
    {
        lock (this.gate)
        {
            if (this.line is { } known && now - this.readAt < UsableFor)
            {
                if (now - this.readAt >= FreshFor && this.reading is null)
                {
                    // Nobody waits for this one; a failure leaves the old line until it is too old to use.
                    _ = this.StartReading(now).ContinueWith(t => t.Exception, TaskScheduler.Default);
                }

                return Task.FromResult(known);
            }

            return (this.reading ?? this.StartReading(now)).WaitAsync(cancellationToken);
        }
    }

    /// <summary>An instance this process created, started or finished: applied now, and to a read in flight.</summary>
    public void Note(InstanceState state)
    {
        lock (this.gate)
        {
            if (this.line is { } known)
            {
                this.line = Apply(known, state);
            }

            if (this.reading is not null)
            {
                this.notedWhileReading[state.InstanceId] = state;
            }
        }
    }

    /// <summary>The line with <paramref name="state"/> where it now belongs (or gone, once finished).</summary>
    internal static AdmissionLine Apply(AdmissionLine line, InstanceState state)
    {
        var running = line.Running.Where(s => s.InstanceId != state.InstanceId).ToList();
        var waiting = line.Waiting.Where(s => s.InstanceId != state.InstanceId).ToList();
        if (state.Parent is null && !state.IsTerminal)
        {
            if (state.StartedAt is not null)
            {
                running.Add(state);
            }
            else if (state.Status == OrchestrationRuntimeStatus.Pending)
            {
                waiting.Add(state);
                waiting.Sort(InstanceAdmission.WaitingOrder);
            }
        }

        return new AdmissionLine(running, waiting);
    }

    private Task<AdmissionLine> StartReading(DateTime now)
    {
        this.notedWhileReading.Clear();

        // Off this thread: the read's end takes the lock this caller holds.
        this.reading = Task.Run(() => this.ReadAsync(now));
        return this.reading;
    }

    private async Task<AdmissionLine> ReadAsync(DateTime startedAt)
    {
        try
        {
            var fresh = await read();
            lock (this.gate)
            {
                foreach (var state in this.notedWhileReading.Values)
                {
                    fresh = Apply(fresh, state);
                }

                (this.line, this.readAt) = (fresh, startedAt);
                return fresh;
            }
        }
        finally
        {
            lock (this.gate)
            {
                this.notedWhileReading.Clear();
                this.reading = null;
            }
        }
    }
}
