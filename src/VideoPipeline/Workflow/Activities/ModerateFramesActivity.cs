using Microsoft.Extensions.Options;
using VideoPipeline.Media;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Frames;
using VideoPipeline.Providers;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Activities;

/// <summary>
/// The optional post-check: frames sampled from each generated scene go to the image moderator, one
/// request per scene so a flag names its scene. Reads only; safe to repeat.
/// </summary>
[DurableTask("ModerateFrames")]
[ActivityPool(ActivityPools.Media)]
public sealed class ModerateFramesActivity(IEnumerable<IFrameModerator> moderators, IAssetStore store, IFFmpegRunner ffmpeg, IOptions<PipelineOptions> options, ActivityExecution execution)
    : TaskActivity<ModerateFramesInput, FrameModerationVerdict>
{
    public override async Task<FrameModerationVerdict> RunAsync(TaskActivityContext context, ModerateFramesInput input)
    {
        if (moderators.LastOrDefault() is not { } moderator)
        {
            return new FrameModerationVerdict(false, [], [], "none", Skipped: true);
        }

        var ct = execution.CancellationToken;
        using var usage = UsageLedger.Begin();
        using var workspace = MediaWorkspace.Create(options.Value.WorkDirectory, context.Name.Name);
        var categories = new SortedSet<string>(StringComparer.Ordinal);
        var flagged = new List<int>();
        foreach (var clip in input.Clips)
        {
            var video = await workspace.MaterializeAsync(store, clip.Clip, ct);
            var frames = new List<string>();
            foreach (var (seconds, i) in FrameSampling.Times(clip.DurationSeconds, input.FramesPerScene).Select((t, i) => (t, i)))
            {
                var jpeg = workspace.PathFor($"scene{clip.SceneNumber}-{i}.jpg");
                await ffmpeg.RunAsync(FrameSampling.Frame(video, seconds, jpeg), cancellationToken: ct);
                frames.Add(jpeg);
            }

            var result = await moderator.CheckImagesAsync(frames, ct);
            if (result.Flagged)
            {
                flagged.Add(clip.SceneNumber);
                categories.UnionWith(result.Categories);
            }
        }

        return new FrameModerationVerdict(flagged.Count > 0, [.. categories], flagged, moderator.Name, Skipped: false) { Usage = usage.Entries };
    }
}
