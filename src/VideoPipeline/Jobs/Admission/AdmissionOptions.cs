namespace VideoPipeline.Jobs.Admission;

/// <summary>
/// How many jobs of each kind run at once (<c>Admission:Concurrency:GenerateVideo</c>, default 2); the rest wait,
/// highest priority first, then oldest, with a queue position and an estimated start. Bound from <c>Admission</c>.
/// </summary>
public sealed class AdmissionOptions
{
    public const string Section = "Admission";

    public Dictionary<string, int> Concurrency { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long a job of a line is assumed to run until one has finished here, e.g. <c>{ "GenerateVideo": "00:03:00" }</c>;
    /// after that, the median of the latest runs.
    /// </summary>
    public Dictionary<string, TimeSpan> InitialRunEstimates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often a worker host admits waiting jobs into free slots and frees slots of jobs that ended.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a waiting orchestration waits for its admission event before it asks again (a lost event only delays it).</summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The Cosmos DB container of the lines (in the task store's database), partition key <c>/line</c>.</summary>
    public string Container { get; set; } = "admission";

    public int LimitOf(string line) => this.Concurrency.TryGetValue(line, out var limit) ? Math.Max(1, limit) : int.MaxValue;
}
