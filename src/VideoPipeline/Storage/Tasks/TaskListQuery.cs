namespace VideoPipeline.Storage.Tasks;

/// <summary>A page of one owner's tasks, newest first.</summary>
public sealed record TaskListQuery
{
    public TaskRecordStatus? Status { get; init; }

    public DeletedTasks Deleted { get; init; } = DeletedTasks.Exclude;

    /// <summary>1-200.</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>From the previous page's <see cref="TaskPage.ContinuationToken"/>; null for the first page.</summary>
    public string? ContinuationToken { get; init; }
}
