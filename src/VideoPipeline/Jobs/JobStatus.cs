namespace VideoPipeline.Jobs;

/// <summary>Seed 002's job status values (serialized lowercase).</summary>
public enum JobStatus
{
    Pending,
    Processing,
    Completed,
    Failed,
    Cancelled,
}
