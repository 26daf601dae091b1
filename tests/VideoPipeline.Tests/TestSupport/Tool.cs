using VideoPipeline.Media;

namespace VideoPipeline.Tests.TestSupport;

/// <summary>Runs real tools for test setup and measurement; fails the test with stderr on a non-zero exit.</summary>
public static class Tool
{
    public static async Task<ProcessResult> RunAsync(string program, params string[] args)
    {
        var result = await ExternalProcess.RunAsync(program, args, new ProcessRunOptions { Timeout = TimeSpan.FromMinutes(5) }, CancellationToken.None);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{CommandLine.Format(program, args)} failed ({result.ExitCode}):\n{string.Join('\n', result.StderrTail)}");
        }

        return result;
    }

    public static Task<ProcessResult> FFmpegAsync(params string[] args) =>
        RunAsync("ffmpeg", ["-hide_banner", "-nostdin", "-y", "-loglevel", "error", .. args]);
}
