using System.Net;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using VideoPipeline.Storage.Cosmos;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Jobs.Admission;

/// <summary>
/// Admission lines in Cosmos DB (container <c>admission</c>, partition <c>/line</c>): a ticket per job, and one slots
/// document per line that is only ever replaced under its ETag, so a line never runs more than its limit, whichever
/// process admits. Built on the application's own records, not on the Durable backend, so it works on any backend.
/// Each task hub has its own lines (the partition is <c>{hub}/{line}</c>), as it has its own jobs.
/// </summary>
public sealed class JobAdmission
{
    /// <summary>Queue positions read the line again in the background once it is this old.</summary>
    internal static readonly TimeSpan LineFreshFor = TimeSpan.FromSeconds(1);

    /// <summary>An older line (a quiet process: others may have changed it a lot) is read before answering.</summary>
    internal static readonly TimeSpan LineUsableFor = TimeSpan.FromSeconds(5);

    internal static readonly TimeSpan RunsFreshFor = TimeSpan.FromSeconds(30);

    private readonly LazyCosmosContainer container;
    private readonly AdmissionOptions options;
    private readonly TimeProvider time;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, RefreshedInBackground<AdmissionLineView, AdmissionChange>> recentLines = new(StringComparer.OrdinalIgnoreCase);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, RefreshedInBackground<AdmissionRuns, FinishedRun>> recentRuns = new(StringComparer.OrdinalIgnoreCase);

    private readonly string hub;

    public JobAdmission(CosmosClient client, IOptions<TaskStoreOptions> store, IOptions<AdmissionOptions> options, IOptions<Durable.DurableTaskOptions> durable, TimeProvider time)
    {
        this.options = options.Value;
        this.hub = durable.Value.HubName;
        this.time = time;
        this.container = new LazyCosmosContainer(client, store.Value.Database, new ContainerProperties(this.options.Container, "/line"));
    }

    public bool IsLimited(string line) => this.options.Concurrency.ContainsKey(line);

    public IEnumerable<string> Lines => this.options.Concurrency.Keys;

    /// <summary>Puts the job in its line (nothing when it is there already).</summary>
    public async Task JoinAsync(string line, string jobId, int priority, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var ticket = new AdmissionTicket { Id = jobId, Line = this.Key(line), Priority = priority, CreatedAt = createdAt };
        var items = await this.container.GetAsync(cancellationToken);
        try
        {
            await items.CreateItemAsync(ticket, new PartitionKey(this.Key(line)), new ItemRequestOptions { EnableContentResponseOnWrite = false }, cancellationToken);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return;
        }

        this.Note(line, new AdmissionChange(jobId, Joined: ticket));
    }

    /// <summary>Gives the job a slot if one is free and nobody waits ahead of it for one; true when it holds a slot.</summary>
    public async Task<bool> TryAdmitAsync(string line, string jobId, CancellationToken cancellationToken)
    {
        var admitted = await this.AdmitAsync(line, (holders, waiting, free) =>
            holders.Any(h => h.JobId == jobId) ? null
            : waiting.Take(free).Any(w => w.Id == jobId) ? [jobId]
            : [], cancellationToken);
        return admitted.Holding.Any(h => h.JobId == jobId);
    }

    /// <summary>Fills free slots with the best waiting jobs; the jobs it admitted (their orchestrations must be told).</summary>
    /// <param name="stillWaiting">Whether a job is still worth a slot (its orchestration has not ended); others leave the line.</param>
    public async Task<IReadOnlyList<string>> AdmitWaitingAsync(string line, Func<string, Task<bool>>? stillWaiting, CancellationToken cancellationToken)
    {
        while (true)
        {
            var view = await this.ReadAsync(line, cancellationToken);
            var free = this.options.LimitOf(line) - view.Holders.Count;
            var gone = new List<string>();
            if (stillWaiting is not null)
            {
                foreach (var ticket in view.Waiting.Take(Math.Max(0, free)))
                {
                    if (!await stillWaiting(ticket.Id))
                    {
                        gone.Add(ticket.Id);
                    }
                }
            }

            if (gone.Count == 0)
            {
                var result = await this.AdmitAsync(line, (_, waiting, slots) => [.. waiting.Take(slots).Select(w => w.Id)], cancellationToken);
                return result.Admitted;
            }

            foreach (var id in gone)
            {
                await this.RemoveAsync(line, id, cancellationToken);
            }
        }
    }

    /// <summary>The job ended: its slot (or place in line) is freed and given to the next; the jobs admitted.</summary>
    public async Task<IReadOnlyList<string>> LeaveAsync(string line, string jobId, CancellationToken cancellationToken)
    {
        var holder = await this.RemoveAsync(line, jobId, cancellationToken);
        if (holder is not null)
        {
            var now = this.time.GetUtcNow();
            var run = new FinishedRun(jobId, now, Math.Max(0, (now - holder.AdmittedAt).TotalSeconds));
            await this.RecordRunAsync(line, run, cancellationToken);
        }

        return (await this.AdmitAsync(line, (_, waiting, slots) => [.. waiting.Take(slots).Select(w => w.Id)], cancellationToken)).Admitted;
    }

    /// <summary>Removes the line of this task hub with everything in it (benchmarks and tests that drop their hub).</summary>
    public async Task ClearAsync(string line, CancellationToken cancellationToken)
    {
        var items = await this.container.GetAsync(cancellationToken);
        var key = this.Key(line);
        var query = new QueryDefinition("SELECT c.id FROM c WHERE c.line = @line").WithParameter("@line", key);
        var ids = await items.QueryPartitionAsync(query, key, d => d.GetProperty("id").GetString()!, cancellationToken);
        foreach (var id in ids)
        {
            using var _ = await items.DeleteItemStreamAsync(id, new PartitionKey(key), cancellationToken: cancellationToken);
        }
    }

    /// <summary>The line as stored now.</summary>
    public async Task<AdmissionLineView> ReadAsync(string line, CancellationToken cancellationToken)
    {
        var items = await this.container.GetAsync(cancellationToken);
        var slots = await items.ReadOrNullAsync<AdmissionSlots>(AdmissionSlots.DocumentId, "line", this.Key(line), cancellationToken);
        return await ViewAsync(items, this.Key(line), slots?.Item.Holders ?? [], cancellationToken);
    }

    /// <summary>
    /// The line for queue positions (admission itself reads it fresh): one copy for all callers, kept current with this
    /// process's own changes, read again in the background once it is <see cref="LineFreshFor"/> old.
    /// </summary>
    public Task<AdmissionLineView> ReadRecentAsync(string line, CancellationToken cancellationToken) =>
        this.recentLines.GetOrAdd(line, l => NewRecentLine(() => this.ReadAsync(l, CancellationToken.None)))
            .GetAsync(this.time.GetUtcNow().UtcDateTime, cancellationToken);

    internal static RefreshedInBackground<AdmissionLineView, AdmissionChange> NewRecentLine(Func<Task<AdmissionLineView>> read) =>
        new(read, (view, change) => view.With(change), change => change.JobId, LineFreshFor, LineUsableFor);

    /// <summary>
    /// Where a job stands in its line and how long until it likely starts: each slot frees when its holder has run a
    /// typical run; null wait before any run finished and no first guess is configured. Position 0: it holds a slot.
    /// </summary>
    public async Task<QueueEstimate> EstimateAsync(AdmissionTicket ticket, CancellationToken cancellationToken)
    {
        var view = await this.ReadRecentAsync(ticket.Line, cancellationToken);
        if (view.Holders.Any(h => h.JobId == ticket.Id))
        {
            return new QueueEstimate(0, view.Waiting.Count, TimeSpan.Zero);
        }

        var (position, waiting) = view.PositionOf(ticket);
        if (await this.TypicalRunTimeAsync(ticket.Line, cancellationToken) is not { } run)
        {
            return new QueueEstimate(position, waiting, null);
        }

        var now = this.time.GetUtcNow();
        var free = new PriorityQueue<DateTimeOffset, DateTimeOffset>();
        foreach (var holder in view.Holders)
        {
            var end = holder.AdmittedAt + run < now ? now : holder.AdmittedAt + run;
            free.Enqueue(end, end);
        }

        for (var i = view.Holders.Count; i < this.options.LimitOf(ticket.Line) && i < position; i++)
        {
            free.Enqueue(now, now);
        }

        var start = now;
        for (var i = 0; i < position && free.Count > 0; i++)
        {
            start = free.Dequeue();
            free.Enqueue(start + run, start + run);
        }

        return new QueueEstimate(position, waiting, start - now);
    }

    /// <summary>The median run of the latest jobs of the line; until one finished, the configured first guess.</summary>
    public async Task<TimeSpan?> TypicalRunTimeAsync(string line, CancellationToken cancellationToken)
    {
        var runs = await this.recentRuns
            .GetOrAdd(line, l => new(() => this.ReadRunsAsync(l), (r, run) => r.With(run), r => r.JobId, RunsFreshFor, TimeSpan.MaxValue))
            .GetAsync(this.time.GetUtcNow().UtcDateTime, cancellationToken);
        return runs.Median ?? (this.options.InitialRunEstimates.TryGetValue(line, out var guess) ? guess : null);
    }

    // The slots document changes only under its ETag; choose returns the jobs to add (null: nothing to change).
    private async Task<(IReadOnlyList<SlotHolder> Holding, IReadOnlyList<string> Admitted)> AdmitAsync(
        string line, Func<IReadOnlyList<SlotHolder>, IReadOnlyList<AdmissionTicket>, int, IReadOnlyList<string>?> choose, CancellationToken cancellationToken)
    {
        var items = await this.container.GetAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await items.ReadOrNullAsync<AdmissionSlots>(AdmissionSlots.DocumentId, "line", this.Key(line), cancellationToken);
            var view = await ViewAsync(items, this.Key(line), stored?.Item.Holders ?? [], cancellationToken);
            var free = Math.Max(0, this.options.LimitOf(line) - view.Holders.Count);
            var chosen = choose(view.Holders, view.Waiting, free);
            if (chosen is null || chosen.Count == 0 || free == 0)
            {
                return (view.Holders, []);
            }

            var now = this.time.GetUtcNow();
            var added = chosen.Take(free).Select(id => new SlotHolder(id, now)).ToList();
            var slots = new AdmissionSlots { Line = this.Key(line), Holders = [.. view.Holders, .. added] };
            if (await TryWriteAsync(items, slots, stored?.ETag, cancellationToken))
            {
                foreach (var holder in added)
                {
                    this.Note(line, new AdmissionChange(holder.JobId, Admitted: holder));
                }

                return (slots.Holders, added.Select(h => h.JobId).ToList());
            }

            await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 50)), cancellationToken);
        }
    }

    // The holders with the tickets that wait, best first (a single-partition query, as the local server requires).
    private static async Task<AdmissionLineView> ViewAsync(Container items, string line, IReadOnlyList<SlotHolder> holders, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.line = @line AND c.kind = 'ticket'").WithParameter("@line", line);
        var tickets = await items.QueryPartitionAsync(query, line, d => d.Deserialize<AdmissionTicket>(TaskJson.Options)!, cancellationToken);
        var waiting = tickets.Where(t => !holders.Any(h => h.JobId == t.Id)).ToList();
        waiting.Sort(AdmissionLineView.Order);
        return new AdmissionLineView(holders, waiting);
    }

    // Frees the job's slot (if it held one) and deletes its ticket; the slot it held.
    private async Task<SlotHolder?> RemoveAsync(string line, string jobId, CancellationToken cancellationToken)
    {
        var items = await this.container.GetAsync(cancellationToken);
        SlotHolder? held = null;
        for (var attempt = 1; ; attempt++)
        {
            var stored = await items.ReadOrNullAsync<AdmissionSlots>(AdmissionSlots.DocumentId, "line", this.Key(line), cancellationToken);
            held = stored?.Item.Holders.FirstOrDefault(h => h.JobId == jobId);
            if (stored is null || held is null)
            {
                break;
            }

            var slots = stored.Value.Item with { Holders = [.. stored.Value.Item.Holders.Where(h => h.JobId != jobId)] };
            if (await TryWriteAsync(items, slots, stored.Value.ETag, cancellationToken))
            {
                break;
            }

            await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 50)), cancellationToken);
        }

        try
        {
            await items.DeleteItemStreamAsync(jobId, new PartitionKey(this.Key(line)), cancellationToken: cancellationToken);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Left already.
        }

        this.Note(line, new AdmissionChange(jobId, Left: jobId));
        return held;
    }

    private static async Task<bool> TryWriteAsync(Container items, AdmissionSlots slots, string? etag, CancellationToken cancellationToken)
    {
        try
        {
            if (etag is null)
            {
                await items.CreateItemAsync(slots, new PartitionKey(slots.Line), new ItemRequestOptions { EnableContentResponseOnWrite = false }, cancellationToken);
            }
            else
            {
                await items.ReplaceItemAsync(
                    slots, slots.Id, new PartitionKey(slots.Line), new ItemRequestOptions { IfMatchEtag = etag, EnableContentResponseOnWrite = false }, cancellationToken);
            }

            return true;
        }
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }

    private async Task RecordRunAsync(string line, FinishedRun run, CancellationToken cancellationToken)
    {
        var items = await this.container.GetAsync(cancellationToken);
        var changed = await items.ChangeAsync<AdmissionRuns>(AdmissionRuns.DocumentId, "line", this.Key(line), r => r.With(run), cancellationToken);
        if (changed is null)
        {
            try
            {
                await items.CreateItemAsync(new AdmissionRuns { Line = this.Key(line) }.With(run), new PartitionKey(this.Key(line)), cancellationToken: cancellationToken);
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                await items.ChangeAsync<AdmissionRuns>(AdmissionRuns.DocumentId, "line", this.Key(line), r => r.With(run), cancellationToken);
            }
        }

        if (this.recentRuns.TryGetValue(line, out var recent))
        {
            recent.Note(run);
        }
    }

    private async Task<AdmissionRuns> ReadRunsAsync(string line)
    {
        var items = await this.container.GetAsync(CancellationToken.None);
        return (await items.ReadOrNullAsync<AdmissionRuns>(AdmissionRuns.DocumentId, "line", this.Key(line), CancellationToken.None))?.Item ?? new AdmissionRuns { Line = this.Key(line) };
    }

    // Lines are per task hub: tests and benchmarks with private hubs never share a slot.
    private string Key(string line) => $"{this.hub}/{line}";

    private void Note(string line, AdmissionChange change)
    {
        if (this.recentLines.TryGetValue(line, out var recent))
        {
            recent.Note(change);
        }
    }
}
