using VideoPipeline.Durable.Engine;

namespace VideoPipeline.Tests.Durable;

/// <summary>The latest completed runs that queue ETAs take their median from.</summary>
public sealed class RecentRunsTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void With_more_than_the_sample_keeps_the_latest_completed()
    {
        var runs = new RecentRuns([]);
        for (var i = 0; i <= RecentRuns.Sample; i++)
        {
            runs = RecentRuns.With(runs, Run("r" + i, i));
        }

        Assert.Equal(RecentRuns.Sample, runs.Runs.Count);
        Assert.DoesNotContain(runs.Runs, r => r.InstanceId == "r0");
    }

    [Fact]
    public void With_the_same_run_twice_counts_it_once()
    {
        var runs = RecentRuns.With(RecentRuns.With(new RecentRuns([]), Run("a", 1)), Run("a", 1));

        Assert.Single(runs.Runs);
    }

    [Fact]
    public void Median_of_runs_is_the_middle_duration()
    {
        var runs = new RecentRuns([Run("a", 0, 10), Run("b", 1, 30), Run("c", 2, 20)]);

        Assert.Equal(TimeSpan.FromSeconds(20), runs.Median);
    }

    [Fact]
    public void Median_of_no_runs_is_null()
    {
        Assert.Null(new RecentRuns([]).Median);
    }

    private static CompletedRun Run(string id, int completedSecondsAfterT0, int seconds = 5) =>
        new(id, T0.AddSeconds(completedSecondsAfterT0), TimeSpan.FromSeconds(seconds));
}
