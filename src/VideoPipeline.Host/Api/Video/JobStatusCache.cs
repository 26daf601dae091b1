using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VideoPipeline.Jobs;

namespace VideoPipeline.Host.Api.Video;

/// <summary>
/// Reuses one read of a job for <see cref="VideoApiOptions.StatusCacheTtl"/>, and lets concurrent polls of
/// the same job share a read in flight: 200 pollers of a job cost the stores one read per interval. Keyed by
/// owner and job, so a cached answer is never served to another owner.
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
        if (this.entries.TryGetValue(key, out var entry) && entry.ExpiresAt > now && !entry.Read.IsFaulted && !entry.Read.IsCanceled)
        {
            return entry.Read.WaitAsync(cancellationToken);
        }

        this.Sweep(now);

        // Not tied to one caller's token: other pollers share this read.
        var fresh = new Entry(jobs.GetAsync(ownerId, jobId, CancellationToken.None), now + ttl);
        var stored = this.entries.AddOrUpdate(key, fresh, (_, old) => old.ExpiresAt > now && !old.Read.IsFaulted ? old : fresh);
        return stored.Read.WaitAsync(cancellationToken);
    }

    /// <summary>Drops a job's entry after this host changed it (cancel, terminate, a stage timeout).</summary>
    public void Invalidate(string ownerId, string jobId) => this.entries.TryRemove((ownerId, jobId), out _);

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

    private sealed record Entry(Task<JobView?> Read, DateTimeOffset ExpiresAt);
}
