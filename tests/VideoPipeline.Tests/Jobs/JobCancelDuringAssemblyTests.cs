using System.Diagnostics;
using VideoPipeline.Domain;
using VideoPipeline.Jobs;
using VideoPipeline.Storage.Tasks;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Jobs;

/// <summary>The runtime never cancels a running activity itself; a cancelled job must still stop its encode.</summary>
public sealed class JobCancelDuringAssemblyTests
{
    [Fact]
    public async Task Cancel_during_assembly_stops_its_ffmpeg_within_5_seconds_and_the_job_ends_cancelled()
    {
        // A slow preset keeps the final encode running long enough to be cancelled in the middle of it.
        using var services = new TestServices(new Dictionary<string, string?> { ["FFmpeg:Preset"] = "veryslow" });
        var jobs = services.Get<VideoJobs>();
        await services.StartWorkerAsync();
        var job = await jobs.SubmitAsync(
            new JobSubmission("cancel", new VideoRequest { Prompt = "A slow pan over a mountain lake", DurationSeconds = 12, Captions = false }),
            CancellationToken.None);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (FFmpegOf(services.Root).Count == 0 || (await jobs.GetAsync("cancel", job.JobId, CancellationToken.None))?.CurrentStage != PipelineStage.Assembly)
        {
            Assert.True(DateTime.UtcNow < deadline, "the job never reached its final encode");
            await Task.Delay(100);
        }

        var clock = Stopwatch.StartNew();
        Assert.True(await jobs.CancelAsync("cancel", job.JobId, CancellationToken.None));
        while (FFmpegOf(services.Root).Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"ffmpeg still ran {clock.Elapsed.TotalSeconds:0.0} s after the cancel");
        Assert.Equal(JobStatus.Cancelled, (await jobs.GetAsync("cancel", job.JobId, CancellationToken.None))!.Status);
        Assert.Equal(TaskRecordStatus.Cancelled, (await services.Get<ITaskStore>().GetAsync("cancel", job.JobId))!.Status);
    }

    // ffmpeg processes working in this test's own scratch folder (its command line names the folder).
    private static List<int> FFmpegOf(string root)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var command = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (command.Contains("ffmpeg", StringComparison.Ordinal) && command.Contains(root, StringComparison.Ordinal))
                {
                    found.Add(int.Parse(Path.GetFileName(dir), System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // Not a process, or it ended meanwhile.
            }
        }

        return found;
    }
}
