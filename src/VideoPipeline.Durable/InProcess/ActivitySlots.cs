namespace VideoPipeline.Durable.InProcess;

/// <summary>
/// A counting gate that admits waiting activities by priority (higher first), then in the order the
/// orchestrator scheduled them. The order is explicit because arrival order is not: the thread pool
/// runs a thread's own queued work last-in first-out.
/// </summary>
internal sealed class ActivitySlots(int capacity)
{
    private readonly PriorityQueue<Waiter, (int Priority, long Order)> waiting = new();
    private int free = capacity;

    /// <param name="order">Position in scheduling order (the task id); lower goes first among equals.</param>
    public async Task<IDisposable> AcquireAsync(int priority, long order, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (this.waiting)
        {
            if (this.free > 0 && this.waiting.Count == 0)
            {
                this.free--;
                return new Lease(this);
            }

            waiter = new Waiter();
            this.waiting.Enqueue(waiter, (-priority, order));
        }

        using (cancellationToken.Register(() => waiter.Completion.TrySetCanceled(cancellationToken)))
        {
            try
            {
                await waiter.Completion.Task;
            }
            catch (OperationCanceledException)
            {
                // A slot may have been handed over in the same instant; give it back.
                if (waiter.Completion.Task.IsCompletedSuccessfully)
                {
                    this.Release();
                }

                throw;
            }
        }

        return new Lease(this);
    }

    private void Release()
    {
        lock (this.waiting)
        {
            while (this.waiting.TryDequeue(out var next, out _))
            {
                if (next.Completion.TrySetResult())
                {
                    return;
                }
            }

            this.free++;
        }
    }

    private sealed class Waiter
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Lease(ActivitySlots slots) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref this.disposed, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
