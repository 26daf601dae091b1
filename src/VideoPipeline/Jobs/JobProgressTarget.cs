namespace VideoPipeline.Jobs;

/// <summary>
/// Where a long activity's own 0–100 lands in its job: mapped onto <paramref name="From"/>–<paramref name="To"/>
/// of the job's progress during <paramref name="Stage"/>, in the job's task record (status polls and the CLI read it).
/// </summary>
public sealed record JobProgressTarget(string OwnerId, string JobId, string Stage, int From, int To)
{
    public int Map(double percent) => this.From + (int)Math.Round((this.To - this.From) * Math.Clamp(percent, 0, 100) / 100);
}
