using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Media.FFmpeg;

public sealed partial class FFmpegRunner(IOptions<FFmpegOptions> options, ILogger<FFmpegRunner> logger) : IFFmpegRunner
{
    public async Task<FFmpegRunResult> RunAsync(FFmpegArguments arguments, FFmpegRunOptions? runOptions = null, CancellationToken cancellationToken = default)
    {
        runOptions ??= new FFmpegRunOptions();
        var progress = new FFmpegProgress(runOptions.ExpectedDurationSeconds, runOptions.Progress);
        List<string> argv = ["-progress", "pipe:1", "-nostats", .. arguments.Build()];
        var ffmpeg = options.Value.FFmpegPath;
        var commandLine = CommandLine.Format(ffmpeg, argv);
        LogStarting(logger, commandLine);

        var result = await ExternalProcess.RunAsync(
            ffmpeg,
            argv,
            new ProcessRunOptions { CaptureStdout = false, OnStdoutLine = progress.OnLine, Timeout = options.Value.Timeout, StderrTailLines = 200 },
            cancellationToken);

        if (result.ExitCode != 0)
        {
            throw new FFmpegException(commandLine, result.ExitCode, result.StderrTail);
        }

        LogFinished(logger, result.Elapsed.TotalSeconds);
        return new FFmpegRunResult(result.StderrTail, result.Elapsed);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Running {CommandLine}")]
    private static partial void LogStarting(ILogger logger, string commandLine);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "FFmpeg finished in {Seconds:0.00} s")]
    private static partial void LogFinished(ILogger logger, double seconds);
}
