using System.Diagnostics;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Media;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Storage.Health;

namespace VideoPipeline.Host.Api;

/// <summary>
/// Health of the one tool every job needs: <c>ffmpeg -version</c> runs. The answer is reused for
/// <see cref="CacheFor"/>, so frequent health polls do not start a process each.
/// </summary>
public sealed class FFmpegHealthProbe(IOptions<FFmpegOptions> ffmpeg, TimeProvider time) : IStorageHealthProbe
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private (StorageHealth Result, DateTimeOffset At)? last;

    public string Name => "ffmpeg";

    public async Task<StorageHealth> CheckAsync(CancellationToken cancellationToken = default)
    {
        if (this.last is { } cached && time.GetUtcNow() - cached.At < CacheFor)
        {
            return cached.Result;
        }

        var clock = Stopwatch.StartNew();
        StorageHealth result;
        try
        {
            var run = await ExternalProcess.RunAsync(ffmpeg.Value.FFmpegPath, ["-hide_banner", "-version"], new ProcessRunOptions { Timeout = TimeSpan.FromSeconds(5) }, cancellationToken);
            result = run.ExitCode == 0
                ? StorageHealth.Up(this.Name, clock.Elapsed)
                : StorageHealth.Down(this.Name, $"ffmpeg -version exited with {run.ExitCode}", clock.Elapsed);
        }
        catch (Exception e) when (e is ExternalToolException or TimeoutException or PermanentPipelineException)
        {
            result = StorageHealth.Down(this.Name, e.Message, clock.Elapsed);
        }

        this.last = (result, time.GetUtcNow());
        return result;
    }
}
