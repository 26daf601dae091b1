namespace VideoPipeline.Jobs.Admission;

/// <summary>A job waiting for, or holding, a slot of its line. One per job, deleted when the job leaves.</summary>
public sealed record AdmissionTicket
{
    public required string Id { get; init; }

    public required string Line { get; init; }

    public string Kind { get; init; } = "ticket";

    public int Priority { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The jobs of a line that hold a slot; replaced only with its ETag, so a slot is never given twice.</summary>
public sealed record AdmissionSlots
{
    public const string DocumentId = "slots";

    public string Id { get; init; } = DocumentId;

    public required string Line { get; init; }

    public string Kind { get; init; } = "slots";

    public IReadOnlyList<SlotHolder> Holders { get; init; } = [];
}

public sealed record SlotHolder(string JobId, DateTimeOffset AdmittedAt);

/// <summary>How long the latest jobs of a line ran, for estimates.</summary>
public sealed record AdmissionRuns
{
    public const string DocumentId = "runs";

    public const int Sample = 20;

    public string Id { get; init; } = DocumentId;

    public required string Line { get; init; }

    public string Kind { get; init; } = "runs";

    public IReadOnlyList<FinishedRun> Runs { get; init; } = [];

    public TimeSpan? Median => this.Runs.Count == 0 ? null : TimeSpan.FromSeconds(this.Runs.Select(r => r.Seconds).Order().ElementAt(this.Runs.Count / 2));

    public AdmissionRuns With(FinishedRun run) =>
        this with { Runs = [.. this.Runs.Where(r => r.JobId != run.JobId).Append(run).OrderByDescending(r => r.FinishedAt).Take(Sample)] };
}

public sealed record FinishedRun(string JobId, DateTimeOffset FinishedAt, double Seconds);

/// <summary>A line as read at one moment: who holds a slot, and who waits, in the order they will be admitted.</summary>
public sealed record AdmissionLineView(IReadOnlyList<SlotHolder> Holders, IReadOnlyList<AdmissionTicket> Waiting)
{
    public static AdmissionLineView Empty { get; } = new([], []);

    /// <summary>Higher priority first, then first come, first served.</summary>
    public static int Order(AdmissionTicket a, AdmissionTicket b)
    {
        var byPriority = b.Priority.CompareTo(a.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byAge = a.CreatedAt.CompareTo(b.CreatedAt);
        return byAge != 0 ? byAge : string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>
    /// Where a waiting job stands: 1-based (counting it even when the line was read before it joined), with the number waiting.
    /// </summary>
    public (int Position, int Waiting) PositionOf(AdmissionTicket ticket)
    {
        var ahead = this.Waiting.Count(w => w.Id != ticket.Id && Order(w, ticket) < 0);
        var listed = this.Waiting.Any(w => w.Id == ticket.Id);
        return (ahead + 1, this.Waiting.Count + (listed ? 0 : 1));
    }

    /// <summary>The line after a change this process made: a ticket that joined, or a job that got a slot or left.</summary>
    public AdmissionLineView With(AdmissionChange change) => change switch
    {
        { Joined: { } t } => this with { Waiting = [.. this.Waiting.Where(w => w.Id != t.Id).Append(t).Order(Comparer<AdmissionTicket>.Create(Order))] },
        { Admitted: { } h } => new([.. this.Holders.Where(x => x.JobId != h.JobId).Append(h)], [.. this.Waiting.Where(w => w.Id != h.JobId)]),
        { Left: { } id } => new([.. this.Holders.Where(x => x.JobId != id)], [.. this.Waiting.Where(w => w.Id != id)]),
        _ => this,
    };
}

/// <param name="JobId">The job the change is about (changes to one job replace each other while a read runs).</param>
public sealed record AdmissionChange(string JobId, AdmissionTicket? Joined = null, SlotHolder? Admitted = null, string? Left = null);

/// <param name="Position">1-based place among the waiting; 0 when the job holds a slot.</param>
/// <param name="EstimatedWait">Until it likely starts; null when nothing is known yet.</param>
public sealed record QueueEstimate(int Position, int Waiting, TimeSpan? EstimatedWait);
