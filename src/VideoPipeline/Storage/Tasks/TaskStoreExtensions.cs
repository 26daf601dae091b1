namespace VideoPipeline.Storage.Tasks;

public static class TaskStoreExtensions
{
    /// <summary>Records progress (kept only if higher than what is stored) and, when given, the current stage.</summary>
    public static Task<TaskRecord> ReportProgressAsync(
        this ITaskStore store, string ownerId, string id, int progress, string? stage = null, CancellationToken cancellationToken = default) =>
        store.UpdateAsync(ownerId, id, task => task with { Progress = progress, CurrentStage = stage ?? task.CurrentStage }, cancellationToken);
}
