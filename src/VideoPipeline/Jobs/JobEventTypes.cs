namespace VideoPipeline.Jobs;

/// <summary>The webhook event types a job emits, in the order they can occur.</summary>
public static class JobEventTypes
{
    public const string Started = "job.started";
    public const string Progress = "job.progress";
    public const string Succeeded = "job.succeeded";
    public const string Failed = "job.failed";
    public const string Cancelled = "job.cancelled";

    public static bool IsTerminal(string type) => type is Succeeded or Failed or Cancelled;
}
