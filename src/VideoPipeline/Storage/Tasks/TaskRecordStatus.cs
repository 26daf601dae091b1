namespace VideoPipeline.Storage.Tasks;

/// <summary>Where a task is in its life; stored lowercase ("running").</summary>
public enum TaskRecordStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
