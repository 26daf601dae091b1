namespace VideoPipeline.Host.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The job ran and failed (one-line reason on stderr).</summary>
    public const int Failed = 1;

    /// <summary>Bad command-line input (one-line reason naming the option on stderr).</summary>
    public const int Usage = 2;

    public const int Cancelled = 130;
}
