using VideoPipeline.Storage;
using VideoPipeline.Storage.Tasks;
using VideoPipeline.Workflow.Tasks;

namespace VideoPipeline.Host.Api.Assets;

/// <summary>
/// Asset ids as callers see them: <c>{recordId}</c> is an upload's file, <c>{recordId}.{role}</c> an output of
/// one of the caller's tasks or jobs (e.g. <c>…​.video</c>, <c>…​.srt</c>). Looked up in the caller's own
/// partition, so another owner's asset is simply not found.
/// </summary>
public sealed class AssetCatalog(ITaskStore tasks)
{
    public static string IdOf(string recordId, string role) => role == TaskOutputs.File ? recordId : $"{recordId}.{role}";

    /// <summary>Null when the id is malformed, unknown, or not this owner's.</summary>
    public async Task<AssetRef?> FindAsync(string ownerId, string assetId, CancellationToken cancellationToken)
    {
        var dot = assetId.IndexOf('.', StringComparison.Ordinal);
        var (recordId, role) = dot < 0 ? (assetId, TaskOutputs.File) : (assetId[..dot], assetId[(dot + 1)..]);
        if (!IsToken(recordId) || !IsToken(role))
        {
            return null;
        }

        var record = await tasks.GetAsync(ownerId, recordId, cancellationToken: cancellationToken);
        if (record is null || !record.Output.TryGetValue(role, out var stored))
        {
            return null;
        }

        // Task outputs are listed once the task succeeded; until then the names exist but the files may not.
        return record.Status == TaskRecordStatus.Succeeded ? AssetRef.Parse(stored) : null;
    }

    private static bool IsToken(string value) =>
        value.Length is > 0 and <= 100 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
