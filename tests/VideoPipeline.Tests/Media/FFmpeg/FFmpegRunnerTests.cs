using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Media.FFmpeg;

public sealed class FFmpegRunnerTests
{
    private readonly FFmpegRunner runner = new(Options.Create(new FFmpegOptions()), NullLogger<FFmpegRunner>.Instance);

    [Fact]
    public async Task RunAsync_reports_monotonic_progress_ending_at_100()
    {
        using var temp = new TempDirectory();
        var reports = new List<double>();
        var args = FFmpegArguments.Create();
        args.AddInput(FFmpegInput.Lavfi(new Filter("testsrc2").With("s", "320x240").With("r", 25).With("d", 3)));
        args.AddOutput(temp.File("out.mp4"), o => o.VideoCodec("libx264").Preset("ultrafast"));

        await this.runner.RunAsync(args, new FFmpegRunOptions { ExpectedDurationSeconds = 3, Progress = new Recorder(reports) });

        Assert.NotEmpty(reports);
        Assert.Equal(100, reports[^1]);
        Assert.Equal(reports.Order(), reports);
    }

    [Fact]
    public async Task RunAsync_non_zero_exit_throws_with_command_line_and_stderr_tail()
    {
        using var temp = new TempDirectory();
        var missing = temp.File("missing-input.mp4");
        var args = FFmpegArguments.Create();
        args.AddInput(FFmpegInput.File(missing));
        args.AddOutput(temp.File("out.mp4"), _ => { });

        var error = await Assert.ThrowsAsync<FFmpegException>(() => this.runner.RunAsync(args));

        Assert.NotEqual(0, error.ExitCode);
        Assert.Contains("missing-input.mp4", error.CommandLine);
        Assert.Contains(error.StderrTail, line => line.Contains("No such file", StringComparison.Ordinal));
        Assert.Contains("No such file", error.Message);
    }

    [Fact]
    public async Task RunAsync_cancellation_kills_the_process()
    {
        using var temp = new TempDirectory();
        var marker = temp.File($"cancel-{Guid.NewGuid():N}.mp4");
        var args = FFmpegArguments.Create();
        args.AddInput(FFmpegInput.Lavfi(new Filter("testsrc2").With("s", "320x240").With("r", 25)).RealTime().Duration(600));
        args.AddOutput(marker, o => o.VideoCodec("libx264").Preset("ultrafast"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(800));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => this.runner.RunAsync(args, cancellationToken: cancel.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        Assert.False(ProcessIsRunningWith(marker), "ffmpeg still running after cancellation");
    }

    private static bool ProcessIsRunningWith(string marker) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => Path.Combine(d, "cmdline"))
            .Any(cmdline =>
            {
                try
                {
                    return File.ReadAllText(cmdline).Contains(marker, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
                catch (UnauthorizedAccessException)
                {
                    return false;
                }
            });

    private sealed class Recorder(List<double> reports) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
