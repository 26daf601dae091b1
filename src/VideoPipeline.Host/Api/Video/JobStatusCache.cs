using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VideoPipeline.Jobs;

namespace VideoPipeline.Host.Api.Video;

/// <summary>
/// Job status reads from memory. The first poll of a job reads the stores (concurrent first polls share that
/// read). Once the answer is older than <see cref="VideoApiOptions.StatusCacheTtl"/>, one poll starts a refresh:
/// a job polled often gets the last answer at once and the fresh one on its next poll (stale-while-revalidate),
/// while a job polled rarely (answer expired more than a TTL ago) waits for the fresh read, so no poller sees an
/// answer older than about two TTLs. However many clients poll, each job costs the stores about one read per
/// interval. Keyed by owner and job, so an answer is never served to another owner; this host's own changes
/// drop the entry.
/// </summary>
public sealed class JobStatusCache(VideoJobs jobs, IOptions<VideoApiOptions> options, TimeProvider time)
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<(string Owner, string Job), Entry> entries = new();

    public Task<JobView?> GetAsync(string ownerId, string jobId, CancellationToken cancellationToken)
    {
        var ttl = options.Value.StatusCacheTtl;
        if (ttl <= TimeSpan.Zero)
        {
            return jobs.GetAsync(ownerId, jobId, cancellationToken);
        }

        var key = (ownerId, jobId);
        var now = time.GetUtcNow();
        if (this.entries.TryGetValue(key, out var entry) && !entry.Read.IsFaulted && !entry.Read.IsCanceled)
        {
            // A finished job's answer no longer changes (except by purge, which drops it here).
            if (entry.ExpiresAt > now || !entry.Read.IsCompletedSuccessfully || entry.Read.Result is { IsFinished: true })
            {
                return entry.Read.WaitAsync(cancellationToken);
            }

            var refresh = this.RefreshAsync(key, entry, ttl);
            return now - entry.ExpiresAt < ttl ? entry.Read : refresh.WaitAsync(cancellationToken);
        }

        this.Sweep(now);

        // Not tied to one caller's token: other pollers share this read.
        var fresh = new Entry(jobs.GetAsync(ownerId, jobId, CancellationToken.None), now + Jittered(ttl));
        var stored = this.entries.AddOrUpdate(key, fresh, (_, old) => old.Read.IsFaulted || old.Read.IsCanceled ? fresh : old);
        return stored.Read.WaitAsync(cancellationToken);
    }

    /// <summary>Drops a job's entry after this host changed it (cancel, terminate, a stage timeout).</summary>
    public void Invalidate(string ownerId, string jobId) => this.entries.TryRemove((ownerId, jobId), out _);

    // One refresh per stale entry: the first caller starts it, the others join it.
    private Task<JobView?> RefreshAsync((string Owner, string Job) key, Entry stale, TimeSpan ttl)
    {
        var mine = new TaskCompletionSource<JobView?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.CompareExchange(ref stale.Refresh, mine.Task, null) is { } running)
        {
            return running;
        }

        jobs.GetAsync(key.Owner, key.Job, CancellationToken.None).ContinueWith(
            done =>
            {
                if (done.IsCompletedSuccessfully)
                {
                    // Replaces only the entry it refreshed: an invalidation or a newer entry wins.
                    this.entries.TryUpdate(key, new Entry(done, time.GetUtcNow() + Jittered(ttl)), stale);
                    mine.SetResult(done.Result);
                }
                else
                {
                    // The stale answer stays; the next poll tries again.
                    Volatile.Write(ref stale.Refresh, null);
                    mine.SetException(done.Exception?.InnerExceptions ?? [new TaskCanceledException()]);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return mine.Task;
    }

    // Jobs first polled together would otherwise refresh together, every interval, as one burst of reads.
    private static TimeSpan Jittered(TimeSpan ttl) => ttl * (0.75 + (0.25 * Random.Shared.NextDouble()));

    private void Sweep(DateTimeOffset now)
    {
        if (this.entries.Count <= SweepAbove)
        {
            return;
        }

        foreach (var (key, entry) in this.entries)
        {
            if (entry.ExpiresAt <= now)
            {
                this.entries.TryRemove(key, out _);
            }
        }
    }

    private sealed class Entry(Task<JobView?> read, DateTimeOffset expiresAt)
    {
        /// <summary>The refresh under way, if any.</summary>
        public Task<JobView?>? Refresh;

        public Task<JobView?> Read { get; } = read;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;
    }
}
