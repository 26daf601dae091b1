namespace VideoPipeline.Durable.Engine;

/// <summary>
/// Runs orchestrator continuations one at a time, on the replaying thread, in the order they were
/// posted: replay then gives the same result every time.
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> work = new();

    /// <summary>Continuations posted after the turn ended (orchestrator code awaited real I/O or a delay).</summary>
    public int LatePosts { get; private set; }

    public bool TurnEnded { get; set; }

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (this.work)
        {
            if (this.TurnEnded)
            {
                this.LatePosts++;
                return;
            }

            this.work.Enqueue((d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    public void Pump()
    {
        while (true)
        {
            (SendOrPostCallback Callback, object? State) next;
            lock (this.work)
            {
                if (!this.work.TryDequeue(out next))
                {
                    return;
                }
            }

            next.Callback(next.State);
        }
    }
}
