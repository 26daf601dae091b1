namespace VideoPipeline.Media.FFmpeg;

public sealed class FFmpegException(string commandLine, int exitCode, IReadOnlyList<string> stderrTail)
    : ExternalToolException("ffmpeg", commandLine, exitCode, stderrTail);
