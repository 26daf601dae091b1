using System.Globalization;
using VideoPipeline.Jobs;
using VideoPipeline.Storage;

namespace VideoPipeline.Host.Api.Video;

/// <summary>Turns a <see cref="JobView"/> into seed 002's status body, signing a fresh read link per asset.</summary>
public sealed class JobStatusMapper(IAssetStore assets)
{
    public JobStatusBody ToBody(JobView job) => new()
    {
        JobId = job.JobId,
        Status = job.Status.ToString().ToLowerInvariant(),
        Progress = job.Progress,
        CurrentStage = job.CurrentStage,
        EstimatedTimeRemaining = job.IsFinished ? null : job.EstimatedTimeRemaining is { } left ? (int)Math.Ceiling(left.TotalSeconds) : null,
        EstimatedCompletionTime = job.IsFinished ? null : job.EstimatedCompletionTime,
        QueuePosition = job.QueuePosition,
        Assets = this.AssetsOf(job.Outputs),
        Error = job.Error,
        Warnings = job.Warnings,
        Usage = job.Usage,
        Metadata = job.Metadata,
        CreatedAt = job.CreatedAt,
        StartedAt = job.StartedAt,
        CompletedAt = job.CompletedAt,
    };

    private JobAssets AssetsOf(IReadOnlyDictionary<string, string> outputs)
    {
        Uri? Link(string role) => outputs.TryGetValue(role, out var id) ? assets.GetReadUri(AssetRef.Parse(id)) : null;

        var renders = outputs
            .Where(o => o.Key.StartsWith(JobOutputs.IntermediateRenderPrefix, StringComparison.Ordinal))
            .OrderBy(o => int.TryParse(o.Key.AsSpan(JobOutputs.IntermediateRenderPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .Select(o => assets.GetReadUri(AssetRef.Parse(o.Value)))
            .ToList();
        var srt = Link(JobOutputs.CaptionsSrt);
        var vtt = Link(JobOutputs.CaptionsVtt);
        return new JobAssets
        {
            IntermediateRenders = renders,
            AudioTrack = Link(JobOutputs.AudioTrack),
            FinalVideo = Link(JobOutputs.FinalVideo),
            Captions = srt is not null && vtt is not null ? new CaptionLinks(srt, vtt) : null,
            Thumbnail = Link(JobOutputs.Thumbnail),
        };
    }
}
