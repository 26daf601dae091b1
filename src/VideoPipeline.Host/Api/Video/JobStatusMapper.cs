using System.Globalization;
using VideoPipeline.Jobs;
using VideoPipeline.Storage;

namespace VideoPipeline.Host.Api.Video;

/// <summary>Turns a <see cref="JobView"/> into seed 002's status body, signing a fresh read link per asset.</summary>
public sealed class JobStatusMapper(IAssetStore assets)
{
    public async Task<JobStatusBody> ToBodyAsync(JobView job, CancellationToken cancellationToken) => new()
    {
        JobId = job.JobId,
        Status = job.Status.ToString().ToLowerInvariant(),
        Progress = job.Progress,
        CurrentStage = job.CurrentStage,
        EstimatedTimeRemaining = job.IsFinished ? null : job.EstimatedTimeRemaining is { } left ? (int)Math.Ceiling(left.TotalSeconds) : null,
        EstimatedCompletionTime = job.IsFinished ? null : job.EstimatedCompletionTime,
        QueuePosition = job.QueuePosition,
        Assets = await this.AssetsOfAsync(job.Outputs, cancellationToken),
        Error = job.Error,
        Warnings = job.Warnings,
        Usage = job.Usage,
        Metadata = job.Metadata,
        CreatedAt = job.CreatedAt,
        StartedAt = job.StartedAt,
        CompletedAt = job.CompletedAt,
    };

    private async Task<JobAssets> AssetsOfAsync(IReadOnlyDictionary<string, string> outputs, CancellationToken cancellationToken)
    {
        async Task<Uri?> LinkAsync(string role) =>
            outputs.TryGetValue(role, out var id) ? await assets.GetReadUriAsync(AssetRef.Parse(id), cancellationToken: cancellationToken) : null;

        var renders = await Task.WhenAll(outputs
            .Where(o => o.Key.StartsWith(JobOutputs.IntermediateRenderPrefix, StringComparison.Ordinal))
            .OrderBy(o => int.TryParse(o.Key.AsSpan(JobOutputs.IntermediateRenderPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .Select(o => assets.GetReadUriAsync(AssetRef.Parse(o.Value), cancellationToken: cancellationToken)));
        var srt = await LinkAsync(JobOutputs.CaptionsSrt);
        var vtt = await LinkAsync(JobOutputs.CaptionsVtt);
        return new JobAssets
        {
            IntermediateRenders = renders,
            AudioTrack = await LinkAsync(JobOutputs.AudioTrack),
            FinalVideo = await LinkAsync(JobOutputs.FinalVideo),
            Captions = srt is not null && vtt is not null ? new CaptionLinks(srt, vtt) : null,
            Thumbnail = await LinkAsync(JobOutputs.Thumbnail),
        };
    }
}
