using System.Collections.Concurrent;

namespace VideoPipeline.Durable.Activities;

/// <summary>
/// The activities executing in this process, by orchestration: the runtime does not cancel an activity whose
/// orchestration was terminated, so <see cref="ActivityCancellationWatcher"/> does it through here. Stopping the
/// host cancels every one, and <see cref="Lease.StoppedByHost"/> tells the worker to hand the work back.
/// </summary>
public sealed class RunningActivities : IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Lease, byte>> byInstance = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();

    public IReadOnlyCollection<string> InstanceIds => this.byInstance.Where(p => !p.Value.IsEmpty).Select(p => p.Key).ToList();

    public bool IsStopping => this.stopping.IsCancellationRequested;

    public Lease Register(string instanceId)
    {
        var lease = new Lease(this, instanceId, this.stopping.Token);
        this.byInstance.GetOrAdd(instanceId, _ => new()).TryAdd(lease, 0);
        return lease;
    }

    /// <summary>Cancels the activities of <paramref name="instanceId"/> running here; the count cancelled.</summary>
    public int Cancel(string instanceId)
    {
        if (!this.byInstance.TryGetValue(instanceId, out var leases))
        {
            return 0;
        }

        foreach (var lease in leases.Keys)
        {
            lease.Cancel();
        }

        return leases.Count;
    }

    /// <summary>The host is stopping: every running activity is cancelled and handed back.</summary>
    public void StopAll() => this.stopping.Cancel();

    public void Dispose() => this.stopping.Dispose();

    private void Remove(Lease lease)
    {
        if (this.byInstance.TryGetValue(lease.InstanceId, out var leases))
        {
            leases.TryRemove(lease, out _);
            if (leases.IsEmpty)
            {
                this.byInstance.TryRemove(new KeyValuePair<string, ConcurrentDictionary<Lease, byte>>(lease.InstanceId, leases));
            }
        }
    }

    public sealed class Lease : IDisposable
    {
        private readonly RunningActivities owner;
        private readonly CancellationTokenSource source;
        private readonly CancellationToken hostStopping;

        internal Lease(RunningActivities owner, string instanceId, CancellationToken hostStopping)
        {
            this.owner = owner;
            this.InstanceId = instanceId;
            this.hostStopping = hostStopping;
            this.source = CancellationTokenSource.CreateLinkedTokenSource(hostStopping);
        }

        public string InstanceId { get; }

        public CancellationToken Token => this.source.Token;

        /// <summary>Cancelled because the host is stopping, not because the orchestration ended.</summary>
        public bool StoppedByHost => this.hostStopping.IsCancellationRequested;

        internal void Cancel()
        {
            try
            {
                this.source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Finished meanwhile.
            }
        }

        public void Dispose()
        {
            this.owner.Remove(this);
            this.source.Dispose();
        }
    }
}
