using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VideoPipeline.Durable.Engine;

/// <summary>
/// Runs activities. Messages are taken from the activity queues (higher job priority first) into a
/// small local buffer, ordered by job priority, then activity priority, then arrival; workers take
/// from it within the overall and per-activity limits. Every held message is kept hidden by a
/// heartbeat; on shutdown, unfinished ones are handed back to the queue at once.
/// </summary>
internal sealed partial class ActivityDispatcher(DurableEngine engine) : IDisposable
{
    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(20);
    private readonly ILogger logger = engine.LoggerFactory.CreateLogger<ActivityDispatcher>();
    private readonly ConcurrentDictionary<string, ReceivedWork> held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> perName = new(StringComparer.OrdinalIgnoreCase);
    private readonly PriorityQueue<ReceivedWork, (int, int, long)> buffer = new();
    private readonly SemaphoreSlim available = new(0);
    private readonly WorkSignal space = new();
    private readonly ResultSender results = new(engine);
    private readonly ConcurrentDictionary<Task, byte> finishing = new();
    private long arrivals;

    // Taken but not started: enough that short activities never wait on a queue round trip, handed
    // back after HoardLimit so a busy worker does not sit on work an idle one could run.
    private static readonly TimeSpan HoardLimit = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, DateTime> waitingSince = new(StringComparer.Ordinal);

    private int Capacity => Math.Max(engine.Options.MaxConcurrentActivities * 2, 64);

    public async Task RunAsync(CancellationToken stopping)
    {
        var sending = this.results.RunAsync();
        var workers = Enumerable.Range(0, engine.Options.MaxConcurrentActivities).Select(_ => this.WorkAsync(stopping)).ToList();
        var heartbeat = this.HeartbeatAsync(stopping);
        await this.ReceiveAsync(stopping);
        await Task.WhenAll([.. workers, heartbeat]);
        await Task.WhenAll(this.finishing.Keys);
        this.results.Complete();
        await sending;

        // Graceful shutdown: whatever is still held goes back to the queue for the next worker.
        await this.TryAsync(() => engine.HandBackAsync([.. this.held.Values]));
    }

    private async Task ReceiveAsync(CancellationToken stopping)
    {
        var idle = MinPoll;
        while (!stopping.IsCancellationRequested)
        {
            var room = this.Capacity - this.held.Count;
            if (room <= 0)
            {
                await Wait(this.space.WaitAsync(engine.Options.MaxPollingInterval, stopping));
                continue;
            }

            IReadOnlyList<ReceivedWork> taken;
            try
            {
                taken = await engine.Queues.ReceiveAsync(WorkQueueKind.Activities, Math.Min(32, room), engine.Options.ActivityVisibility, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogReceiveFailed(this.logger, e.Message);
                await Wait(Task.Delay(engine.Options.MaxPollingInterval, stopping));
                continue;
            }

            if (taken.Count == 0)
            {
                await Wait(engine.ActivitySignal.WaitAsync(idle, stopping));
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, engine.Options.MaxPollingInterval.Ticks));
                continue;
            }

            idle = MinPoll;
            var now = DateTime.UtcNow;
            lock (this.buffer)
            {
                foreach (var work in taken)
                {
                    this.held[work.MessageId] = work;
                    this.waitingSince[work.MessageId] = now;
                    var m = work.Message;
                    this.buffer.Enqueue(work, (-m.Priority, -engine.Options.ActivityPriority.GetValueOrDefault(m.Name ?? ""), this.arrivals++));
                }
            }

            this.available.Release(taken.Count);
        }
    }

    private async Task WorkAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await this.available.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            ReceivedWork? work;
            lock (this.buffer)
            {
                // Empty when the heartbeat handed the waiting work back.
                if (!this.buffer.TryDequeue(out work, out _))
                {
                    continue;
                }

                this.waitingSince.TryRemove(work.MessageId, out _);
            }

            await this.ExecuteAsync(work, stopping);
        }
    }

    private async Task ExecuteAsync(ReceivedWork work, CancellationToken stopping)
    {
        var message = work.Message;
        var name = message.Name ?? "";
        try
        {
            if (work.DequeueCount > engine.Options.MaxDequeueCount)
            {
                // The worker died this many times running it: report a failure instead of dying again.
                LogPoison(this.logger, name, message.InstanceId, work.DequeueCount);
                await this.results.SendAsync(Result(message, null, new TaskFailureDetails(
                    "PoisonMessage",
                    $"Activity '{name}' was started {work.DequeueCount} times without finishing; the worker running it stopped each time",
                    IsNonRetriable: true)));
                await this.CompleteAsync(work);
                return;
            }

            var gate = engine.Options.ActivityConcurrency.TryGetValue(name, out var limit)
                ? this.perName.GetOrAdd(name, _ => new SemaphoreSlim(limit))
                : null;
            if (gate is not null)
            {
                await gate.WaitAsync(stopping);
            }

            try
            {
                await this.RunActivityAsync(work, stopping);
            }
            finally
            {
                gate?.Release();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await this.TryAsync(() => this.HandBackAsync(work));
        }
        catch (Exception e)
        {
            // The result could not be sent: leave the message; it comes back and the activity runs again.
            LogResultNotSent(this.logger, name, message.InstanceId, e.Message);
            this.Forget(work);
        }
    }

    private async Task RunActivityAsync(ReceivedWork work, CancellationToken stopping)
    {
        var message = work.Message;
        var name = message.Name ?? "";
        var cancellation = engine.TrackActivity(message.InstanceId, stopping);
        var clock = Stopwatch.StartNew();
        WorkMessage result;
        try
        {
            var output = await this.InvokeAsync(message, cancellation.Token);
            result = Result(message, output, null);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Terminated: nobody waits for this result.
            await this.CompleteAsync(work);
            return;
        }
        catch (Exception e)
        {
            result = Result(message, null, TaskFailureDetails.FromException(e, engine.Options.IsNonRetriable));
        }
        finally
        {
            engine.UntrackActivity(message.InstanceId, cancellation);
        }

        engine.Statistics.Record(name, clock.Elapsed);

        // The slot is free now; the result's send and the request's deletion finish on their own.
        var finishing = this.FinishAsync(work, result);
        this.finishing.TryAdd(finishing, 0);
        _ = finishing.ContinueWith(t => this.finishing.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task FinishAsync(ReceivedWork work, WorkMessage result)
    {
        try
        {
            await this.results.SendAsync(result);
            await this.CompleteAsync(work);
        }
        catch (Exception e)
        {
            // The request stays on the queue, comes back, and the activity runs again.
            LogResultNotSent(this.logger, work.Message.Name ?? "", work.Message.InstanceId, e.Message);
            this.Forget(work);
        }
    }

    private async Task<string> InvokeAsync(WorkMessage message, CancellationToken cancellationToken)
    {
        // Everything the activity logs names its instance (a job's id), so one job's lines can be picked out.
        using var logScope = this.logger.BeginScope(new Dictionary<string, object> { ["InstanceId"] = message.InstanceId, ["Activity"] = message.Name! });
        await using var scope = engine.Services.CreateAsyncScope();
        var activity = (ITaskActivity)ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, engine.Registry.GetActivityType(message.Name!));
        var progress = new Reporter(p => engine.ReportProgress(message.InstanceId, message.Name!, message.TaskId ?? -1, p));
        var context = new ActivityContext(message.Name!, message.InstanceId, cancellationToken, progress);
        var output = await activity.RunAsync(context, engine.Converter.Deserialize(message.Payload, activity.InputType));
        return engine.Converter.Serialize(output);
    }

    private WorkMessage Result(WorkMessage request, string? output, TaskFailureDetails? failure) => new()
    {
        Id = $"{request.InstanceId}:{request.ExecutionId}:result:{request.TaskId}",
        Kind = failure is null ? WorkMessageKind.TaskCompleted : WorkMessageKind.TaskFailed,
        InstanceId = request.InstanceId,
        ExecutionId = request.ExecutionId,
        TaskId = request.TaskId,
        Name = request.Name,
        Payload = output,
        Failure = failure,
        CreatedAt = engine.UtcNow,
    };

    // Keeps every held message hidden, and cancels activities whose instance was terminated elsewhere.
    private async Task HeartbeatAsync(CancellationToken stopping)
    {
        var interval = TimeSpan.FromTicks(Math.Min(engine.Options.ActivityVisibility.Ticks / 3, TimeSpan.FromSeconds(5).Ticks));
        while (!stopping.IsCancellationRequested)
        {
            await Wait(Task.Delay(interval, stopping));
            if (stopping.IsCancellationRequested)
            {
                break;
            }

            await this.HandBackHoardedAsync();
            foreach (var work in this.held.Values.ToList())
            {
                if (work.PopReceipt.Length == 0)
                {
                    continue;
                }

                try
                {
                    var extended = await engine.Queues.ExtendAsync(work, engine.Options.ActivityVisibility, stopping);
                    this.held.TryUpdate(work.MessageId, extended, work);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogHeartbeatFailed(this.logger, work.Message.Name ?? "", e.Message);
                }
            }

            foreach (var instance in engine.InstancesWithRunningActivities)
            {
                try
                {
                    if (await engine.Store.GetInstanceAsync(instance, stopping) is null or { IsTerminal: true })
                    {
                        engine.CancelActivities(instance);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogHeartbeatFailed(this.logger, instance, e.Message);
                }
            }
        }
    }

    private async Task HandBackHoardedAsync()
    {
        var cutoff = DateTime.UtcNow - HoardLimit;
        List<ReceivedWork> stale;
        lock (this.buffer)
        {
            if (!this.waitingSince.Values.Any(t => t < cutoff))
            {
                return;
            }

            var keep = new List<(ReceivedWork Work, (int, int, long) Priority)>();
            stale = [];
            while (this.buffer.TryDequeue(out var work, out var priority))
            {
                if (this.waitingSince.TryGetValue(work.MessageId, out var since) && since < cutoff)
                {
                    this.waitingSince.TryRemove(work.MessageId, out _);
                    stale.Add(work);
                }
                else
                {
                    keep.Add((work, priority));
                }
            }

            this.buffer.EnqueueRange(keep);
        }

        var latest = stale.Select(w => this.held.GetValueOrDefault(w.MessageId, w)).ToList();
        stale.ForEach(this.Forget);
        await this.TryAsync(() => engine.HandBackAsync(latest));
    }

    private async Task CompleteAsync(ReceivedWork work)
    {
        var latest = this.held.GetValueOrDefault(work.MessageId, work);
        this.Forget(work);
        await this.TryAsync(() => engine.Queues.CompleteAsync(latest, CancellationToken.None));
    }

    private async Task HandBackAsync(ReceivedWork work)
    {
        var latest = this.held.GetValueOrDefault(work.MessageId, work);
        this.Forget(work);
        await engine.HandBackAsync(latest);
    }

    private void Forget(ReceivedWork work)
    {
        this.held.TryRemove(work.MessageId, out _);
        this.space.Set();
    }

    private async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e)
        {
            // Not completing is safe: the message reappears and its result is recognised as a duplicate.
            LogCompleteFailed(this.logger, e.Message);
        }
    }

    private static async Task Wait(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        this.available.Dispose();
        this.space.Dispose();
        foreach (var gate in this.perName.Values)
        {
            gate.Dispose();
        }
    }

    private sealed class Reporter(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    [LoggerMessage(EventId = 310, Level = LogLevel.Warning, Message = "Receiving activities failed: {Message}")]
    private static partial void LogReceiveFailed(ILogger logger, string message);

    [LoggerMessage(EventId = 311, Level = LogLevel.Error, Message = "Activity {Name} of {InstanceId} is poison after {Count} attempts; failing it")]
    private static partial void LogPoison(ILogger logger, string name, string instanceId, long count);

    [LoggerMessage(EventId = 312, Level = LogLevel.Warning, Message = "The result of {Name} for {InstanceId} was not sent; it will run again: {Message}")]
    private static partial void LogResultNotSent(ILogger logger, string name, string instanceId, string message);

    [LoggerMessage(EventId = 313, Level = LogLevel.Debug, Message = "Heartbeat for {Subject} failed: {Message}")]
    private static partial void LogHeartbeatFailed(ILogger logger, string subject, string message);

    [LoggerMessage(EventId = 314, Level = LogLevel.Warning, Message = "Completing an activity message failed: {Message}")]
    private static partial void LogCompleteFailed(ILogger logger, string message);
}
