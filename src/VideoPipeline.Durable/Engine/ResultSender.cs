using System.Threading.Channels;

namespace VideoPipeline.Durable.Engine;

/// <summary>
/// Sends activity results with group commit: whatever results finish while one send is in flight go
/// together in the next. An idle worker sends at once (no added latency for a chain); a busy one sends
/// a fan-out's results in a few queue messages instead of one each.
/// </summary>
internal sealed class ResultSender(DurableEngine engine)
{
    private const int MaxBatch = 256;
    private readonly Channel<(WorkMessage Message, TaskCompletionSource Sent)> pending =
        Channel.CreateUnbounded<(WorkMessage, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Completes once the result is on the queue (only then may its request be deleted).</summary>
    public Task SendAsync(WorkMessage result)
    {
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!this.pending.Writer.TryWrite((result, sent)))
        {
            sent.SetException(new InvalidOperationException("The result sender has stopped"));
        }

        return sent.Task;
    }

    /// <summary>Sends until <see cref="Complete"/> is called and everything written before it is sent.</summary>
    public async Task RunAsync()
    {
        var batch = new List<(WorkMessage Message, TaskCompletionSource Sent)>();
        while (await this.pending.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && this.pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await engine.SendAllAsync(batch.Select(b => b.Message).ToList(), CancellationToken.None);
                batch.ForEach(b => b.Sent.TrySetResult());
            }
            catch (Exception e)
            {
                batch.ForEach(b => b.Sent.TrySetException(e));
            }
        }
    }

    public void Complete() => this.pending.Writer.TryComplete();
}
