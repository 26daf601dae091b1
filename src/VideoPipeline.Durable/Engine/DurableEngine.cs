using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Durable.Engine;

/// <summary>
/// What the dispatchers and the client share in one process: the backends, the registry, per-instance
/// turn locks, a cache of recently committed instances, wake-up signals and running activities.
/// </summary>
public sealed class DurableEngine(
    IOrchestrationStore store,
    IWorkQueues queues,
    TaskRegistry registry,
    IServiceProvider services,
    DataConverter converter,
    TimeProvider time,
    IOptions<DurableEngineOptions> options,
    ILoggerFactory loggerFactory) : IDisposable
{
    private readonly KeyedLocks locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CachedInstance> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<CancellationTokenSource, byte>> running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> completions = new(StringComparer.Ordinal);
    private InstanceAdmission? admission;
    private RunDurations? runDurations;

    public IOrchestrationStore Store => store;

    public IWorkQueues Queues => queues;

    public TaskRegistry Registry => registry;

    public IServiceProvider Services => services;

    public DataConverter Converter => converter;

    public TimeProvider Time => time;

    public DurableEngineOptions Options => options.Value;

    public ILoggerFactory LoggerFactory => loggerFactory;

    public ActivityStatistics Statistics { get; } = new();

    /// <summary>Activity progress (instance, activity, task id, 0–100) for observers in this process.</summary>
    public event Action<string, string, int, double>? ActivityProgress;

    internal RunDurations RunDurations => LazyInitializer.EnsureInitialized(ref this.runDurations, () => new RunDurations(this));

    internal InstanceAdmission Admission => LazyInitializer.EnsureInitialized(ref this.admission, () => new InstanceAdmission(this));

    internal WorkSignal ControlSignal { get; } = new();

    internal WorkSignal ActivitySignal { get; } = new();

    internal DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public Task SendAsync(WorkMessage message, CancellationToken cancellationToken) => this.SendAllAsync([message], cancellationToken);

    /// <summary>Sends messages together; timers (messages with <see cref="WorkMessage.FireAt"/>) travel delayed.</summary>
    public async Task SendAllAsync(IReadOnlyCollection<WorkMessage> messages, CancellationToken cancellationToken)
    {
        var now = this.UtcNow;
        await Task.WhenAll(messages
            .GroupBy(m => m.FireAt is { } fireAt && fireAt > now ? fireAt - now : TimeSpan.Zero)
            .Select(group => queues.SendAsync([.. group], group.Key, cancellationToken)));
        if (messages.Any(m => m.IsActivity))
        {
            this.ActivitySignal.Set();
        }

        if (messages.Any(m => !m.IsActivity))
        {
            this.ControlSignal.Set();
        }
    }

    /// <summary>
    /// Returns work that did not fail (shutdown, a lost commit race) as a fresh message, so it does not
    /// count towards the poison limit. A crash in between leaves two copies; duplicates are harmless.
    /// </summary>
    internal Task HandBackAsync(ReceivedWork work) => this.HandBackAsync([work]);

    internal async Task HandBackAsync(IReadOnlyList<ReceivedWork> works)
    {
        await this.SendAllAsync(works.Select(w => w.Message).ToList(), CancellationToken.None);
        await Task.WhenAll(works.Select(w => queues.CompleteAsync(w, CancellationToken.None)));
    }

    internal Task<IDisposable> LockInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        this.locks.LockAsync(instanceId, cancellationToken);

    internal CachedInstance? GetCached(string instanceId) => this.cache.GetValueOrDefault(instanceId);

    internal CachedInstance? GetCached(string instanceId, string? etag) =>
        this.cache.TryGetValue(instanceId, out var entry) && entry.State.ETag == etag ? entry : null;

    internal void Cache(CachedInstance entry)
    {
        // A simple bound: instances finish and leave; a burst of new ones must not grow memory without limit.
        if (this.cache.Count > 2000)
        {
            foreach (var key in this.cache.Keys.Take(500))
            {
                this.cache.TryRemove(key, out _);
            }
        }

        this.cache[entry.State.InstanceId] = entry;
    }

    internal void Forget(string instanceId) => this.cache.TryRemove(instanceId, out _);

    internal CancellationTokenSource TrackActivity(string instanceId, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        this.running.GetOrAdd(instanceId, _ => new()).TryAdd(source, 0);
        return source;
    }

    internal void UntrackActivity(string instanceId, CancellationTokenSource source)
    {
        if (this.running.TryGetValue(instanceId, out var set))
        {
            set.TryRemove(source, out _);
        }

        source.Dispose();
    }

    /// <summary>Cancels this instance's activities running in this process (terminate).</summary>
    internal void CancelActivities(string instanceId)
    {
        if (this.running.TryGetValue(instanceId, out var set))
        {
            foreach (var source in set.Keys)
            {
                try
                {
                    source.Cancel();
                }
                catch (ObjectDisposedException)
                {
                }
            }
        }
    }

    /// <summary>Instances with an activity executing in this process right now.</summary>
    public IReadOnlyCollection<string> InstancesWithRunningActivities =>
        this.running.Where(r => !r.Value.IsEmpty).Select(r => r.Key).ToList();

    internal void ReportProgress(string instanceId, string activity, int taskId, double percent) =>
        this.ActivityProgress?.Invoke(instanceId, activity, taskId, percent);

    /// <summary>Completes when this process commits a terminal state for the instance.</summary>
    internal Task WhenTerminalAsync(string instanceId) =>
        this.completions.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    internal void Committed(InstanceState state)
    {
        if (state.Status == OrchestrationRuntimeStatus.Completed)
        {
            this.RunDurations.Completed(state);
        }

        if (state.IsTerminal && this.completions.TryRemove(state.InstanceId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    public void Dispose()
    {
        this.ControlSignal.Dispose();
        this.ActivitySignal.Dispose();
        this.locks.Dispose();
        this.admission?.Dispose();
    }
}

/// <summary>An instance as last committed by this process, with its history, so a turn need not reread it.</summary>
internal sealed record CachedInstance(InstanceState State, IReadOnlyList<HistoryEvent> History, bool OutboxSent);
