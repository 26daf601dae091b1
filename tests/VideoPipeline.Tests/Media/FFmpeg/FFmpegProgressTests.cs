using VideoPipeline.Media.FFmpeg;

namespace VideoPipeline.Tests.Media.FFmpeg;

public sealed class FFmpegProgressTests
{
    [Fact]
    public void OnLine_out_time_reports_percent_of_expected_duration()
    {
        var reports = new List<double>();
        var progress = new FFmpegProgress(10, new InlineProgress(reports.Add));

        progress.OnLine("out_time_us=2500000");

        Assert.Equal([25.0], reports);
    }

    [Fact]
    public void OnLine_progress_end_reports_100()
    {
        var reports = new List<double>();
        var progress = new FFmpegProgress(10, new InlineProgress(reports.Add));

        progress.OnLine("out_time_us=9000000");
        progress.OnLine("progress=end");

        Assert.Equal(100, reports[^1]);
    }

    [Fact]
    public void OnLine_going_backwards_is_not_reported()
    {
        var reports = new List<double>();
        var progress = new FFmpegProgress(10, new InlineProgress(reports.Add));

        progress.OnLine("out_time_us=5000000");
        progress.OnLine("out_time_us=4000000");
        progress.OnLine("out_time_ms=6000000");

        Assert.Equal([50.0, 60.0], reports);
    }

    [Theory]
    [InlineData("frame=12")]
    [InlineData("out_time_us=N/A")]
    [InlineData("garbage")]
    [InlineData("")]
    public void OnLine_other_keys_and_bad_values_are_ignored(string line)
    {
        var reports = new List<double>();
        new FFmpegProgress(10, new InlineProgress(reports.Add)).OnLine(line);

        Assert.Empty(reports);
    }

    [Fact]
    public void OnLine_before_end_stays_below_100()
    {
        var reports = new List<double>();
        new FFmpegProgress(10, new InlineProgress(reports.Add)).OnLine("out_time_us=15000000");

        Assert.True(reports[^1] < 100);
    }

    private sealed class InlineProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
