using System.Collections.Concurrent;

namespace VideoPipeline.Durable.Engine;

/// <summary>One async mutex per key (an instance id, an orchestrator name), created on first use.</summary>
internal sealed class KeyedLocks(StringComparer comparer) : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(comparer);

    public async Task<IDisposable> LockAsync(string key, CancellationToken cancellationToken)
    {
        var gate = this.gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    public void Dispose()
    {
        foreach (var gate in this.gates.Values)
        {
            gate.Dispose();
        }
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref this.released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
