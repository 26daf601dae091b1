using VideoPipeline.Host.Api.Assets;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Host.Api.Tasks;

/// <summary>
/// Seed 003's task status: queued | running | success | failed, progress and stage, the main result as
/// <c>video_url</c> (an expiring SAS link) and every output by role with its asset id and API link.
/// </summary>
public sealed record TaskStatusView(
    string TaskId,
    string TaskType,
    string Status,
    int Progress,
    string? CurrentStage,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    Uri? VideoUrl,
    IReadOnlyDictionary<string, TaskOutputLink> Outputs,
    TaskError? Error)
{
    public static async Task<TaskStatusView> FromAsync(TaskRecord record, IAssetStore store, TimeSpan sasLifetime, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outputs = new Dictionary<string, TaskOutputLink>();
        foreach (var (role, asset) in record.Status == TaskRecordStatus.Succeeded ? record.Output : new Dictionary<string, string>())
        {
            outputs[role] = new TaskOutputLink(
                AssetCatalog.IdOf(record.Id, role),
                AssetReference.PathPrefix + AssetCatalog.IdOf(record.Id, role),
                await store.GetReadUriAsync(AssetRef.Parse(asset), sasLifetime, cancellationToken),
                now + sasLifetime);
        }

        return new TaskStatusView(
            record.Id,
            TypeName(record.Type),
            StatusName(record.Status),
            record.Progress,
            record.CurrentStage,
            record.CreatedAt,
            record.StartedAt,
            record.CompletedAt,
            outputs.TryGetValue(Workflow.Tasks.TaskOutputs.Video, out var video) ? video.SasUrl : null,
            outputs,
            record.Error);
    }

    /// <summary>Seed 003's names: queued | running | success | failed (| cancelled).</summary>
    public static string StatusName(TaskRecordStatus status) => status switch
    {
        TaskRecordStatus.Pending => "queued",
        TaskRecordStatus.Running => "running",
        TaskRecordStatus.Succeeded => "success",
        TaskRecordStatus.Failed => "failed",
        _ => "cancelled",
    };

    public static bool IsProcessingTask(TaskRecordType type) => type is TaskRecordType.Caption or TaskRecordType.Merge or TaskRecordType.BackgroundMusic;

    private static string TypeName(TaskRecordType type) => type switch
    {
        TaskRecordType.Caption => "caption",
        TaskRecordType.Merge => "merge",
        _ => "background_music",
    };
}

/// <param name="Url">This API's link (the caller's key; Range supported).</param>
/// <param name="SasUrl">A direct Blob storage link, valid until <paramref name="ExpiresAt"/>.</param>
public sealed record TaskOutputLink(string AssetId, string Url, Uri SasUrl, DateTimeOffset ExpiresAt);

/// <summary>The 202 answer: where to poll.</summary>
public sealed record TaskAccepted(string TaskId, string Status, string StatusUrl);
