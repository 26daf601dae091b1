namespace VideoPipeline.Media.FFmpeg;

public interface IFFmpegRunner
{
    /// <exception cref="FFmpegException">FFmpeg exited non-zero.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the process was killed.</exception>
    Task<FFmpegRunResult> RunAsync(FFmpegArguments arguments, FFmpegRunOptions? runOptions = null, CancellationToken cancellationToken = default);
}

public sealed record FFmpegRunOptions
{
    /// <summary>Length of the output, so progress can be reported as a percentage.</summary>
    public double ExpectedDurationSeconds { get; init; }

    /// <summary>Receives 0–100.</summary>
    public IProgress<double>? Progress { get; init; }
}

public sealed record FFmpegRunResult(IReadOnlyList<string> StderrTail, TimeSpan Elapsed);
