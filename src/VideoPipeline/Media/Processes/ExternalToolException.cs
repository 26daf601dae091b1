using VideoPipeline.Domain;

namespace VideoPipeline.Media;

/// <summary>
/// A tool exited non-zero. The first line of the message says why (the tool's last error line);
/// the command line and the end of stderr follow for diagnosis.
/// </summary>
public class ExternalToolException(string tool, string commandLine, int exitCode, IReadOnlyList<string> stderrTail)
    : Exception(BuildMessage(tool, commandLine, exitCode, stderrTail))
{
    private static readonly string[] ResourceErrors =
    [
        "Cannot allocate memory", "No space left on device", "Resource temporarily unavailable", "Too many open files", "Connection reset",
    ];

    public string Tool { get; } = tool;

    public string CommandLine { get; } = commandLine;

    public int ExitCode { get; } = exitCode;

    public IReadOnlyList<string> StderrTail { get; } = stderrTail;

    /// <summary>
    /// Killed by a signal or out of a machine resource: worth retrying. Any other failure of a tool
    /// on the same input fails the same way again, so it is not retried.
    /// </summary>
    public bool IsTransient =>
        this.ExitCode is < 0 or >= 128
        || this.StderrTail.Any(line => ResourceErrors.Any(e => line.Contains(e, StringComparison.OrdinalIgnoreCase)));

    private static string BuildMessage(string tool, string commandLine, int exitCode, IReadOnlyList<string> stderrTail)
    {
        var tail = stderrTail.Where(l => !string.IsNullOrWhiteSpace(l)).TakeLast(12).ToList();
        var reason = tail.LastOrDefault(IsReason) ?? tail.LastOrDefault() ?? "no error output";
        return $"{tool} failed (exit code {exitCode}): {reason.Trim()}{Environment.NewLine}Command: {commandLine}{Environment.NewLine}{string.Join(Environment.NewLine, tail)}";
    }

    // FFmpeg ends with generic lines ("Conversion failed!"); the line before them says what went wrong.
    private static bool IsReason(string line) =>
        !line.Contains("Conversion failed", StringComparison.Ordinal)
        && !line.StartsWith("Error while processing", StringComparison.Ordinal)
        && !line.Contains("Failed to inject frame", StringComparison.Ordinal);
}

/// <summary>A required tool is not installed; retrying cannot help.</summary>
public sealed class ToolNotFoundException(string tool, Exception inner)
    : PermanentPipelineException(
        ErrorCodes.ToolMissing,
        $"'{tool}' was not found on this machine; ./run.sh and ./test.sh install it (apt package list in scripts/bootstrap.sh)",
        inner);
