namespace VideoPipeline.Domain;

/// <summary>
/// A failure that retrying cannot fix (bad input, rejected content, unsupported media).
/// Retry policies never retry it.
/// </summary>
public class PermanentPipelineException : Exception
{
    public PermanentPipelineException(string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        this.Code = code;

        // Exception.Data travels with task failure details, so the code survives the activity boundary.
        this.Data["code"] = code;
    }

    public string Code { get; }
}

/// <summary>A failure worth retrying (a busy tool, a timeout, a 429 from a provider).</summary>
public class TransientPipelineException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Machine-readable error codes surfaced in job errors and CLI messages.</summary>
public static class ErrorCodes
{
    public const string ContentRejected = "CONTENT_REJECTED";
    public const string InvalidInput = "INVALID_INPUT";
    public const string UnsupportedMedia = "UNSUPPORTED_MEDIA";
    public const string ToolMissing = "TOOL_MISSING";
    public const string ToolFailed = "TOOL_FAILED";
    public const string StageFailed = "STAGE_FAILED";

    /// <summary>A stage made no progress within its deadline (the API's job watchdog); retrying may succeed.</summary>
    public const string StageTimeout = "STAGE_TIMEOUT";

    /// <summary>A remote provider refused the call for good (bad request, auth, missing deployment); not a content refusal.</summary>
    public const string ProviderRejected = "PROVIDER_REJECTED";

    /// <summary>A step's worker died every time it ran it (out of memory, a crashing tool); it was given up on.</summary>
    public const string WorkerCrashed = "WORKER_CRASHED";
}
