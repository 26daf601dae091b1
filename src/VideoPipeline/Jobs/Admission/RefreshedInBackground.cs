namespace VideoPipeline.Jobs.Admission;

/// <summary>
/// A value read from the store that callers may get slightly old, kept current with what this process itself
/// changed (notes). Once it is <c>freshFor</c> old it is read again in the background while callers go on
/// getting the value they had, so no request waits for that read; one older than <c>usableFor</c> (a process
/// that was quiet while others worked) is read before answering. Notes made while a read runs are applied to
/// what it returns, since it may have missed them.
/// </summary>
/// <param name="apply">The value with one note applied; applying a note twice must change nothing more.</param>
/// <param name="keyOf">Notes with one key replace each other while a read runs (the latest wins).</param>
internal sealed class RefreshedInBackground<TValue, TNote>(
    Func<Task<TValue>> read, Func<TValue, TNote, TValue> apply, Func<TNote, string> keyOf, TimeSpan freshFor, TimeSpan usableFor)
    where TValue : class
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, TNote> notedWhileReading = new(StringComparer.Ordinal);
    private TValue? value;
    private DateTime readAt;
    private Task<TValue>? reading;

    public Task<TValue> GetAsync(DateTime now, CancellationToken cancellationToken)
    {
        lock (this.gate)
        {
            if (this.value is { } known && now - this.readAt < usableFor)
            {
                if (now - this.readAt >= freshFor && this.reading is null)
                {
                    // Nobody waits for this one; a failure leaves the old value until it is too old to use.
                    _ = this.StartReading(now).ContinueWith(t => t.Exception, TaskScheduler.Default);
                }

                return Task.FromResult(known);
            }

            return (this.reading ?? this.StartReading(now)).WaitAsync(cancellationToken);
        }
    }

    /// <summary>Something this process changed: applied now, and to a read in flight.</summary>
    public void Note(TNote note)
    {
        lock (this.gate)
        {
            if (this.value is { } known)
            {
                this.value = apply(known, note);
            }

            if (this.reading is not null)
            {
                this.notedWhileReading[keyOf(note)] = note;
            }
        }
    }

    private Task<TValue> StartReading(DateTime now)
    {
        this.notedWhileReading.Clear();

        // Off this thread: the read's end takes the lock this caller holds.
        this.reading = Task.Run(() => this.ReadAsync(now));
        return this.reading;
    }

    private async Task<TValue> ReadAsync(DateTime startedAt)
    {
        try
        {
            var fresh = await read();
            lock (this.gate)
            {
                foreach (var note in this.notedWhileReading.Values)
                {
                    fresh = apply(fresh, note);
                }

                (this.value, this.readAt) = (fresh, startedAt);
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
