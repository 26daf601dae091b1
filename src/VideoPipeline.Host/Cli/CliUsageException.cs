namespace VideoPipeline.Host.Cli;

/// <summary>Bad command-line input. The message names the option and fits on one line.</summary>
public sealed class CliUsageException(string message) : Exception(message);
