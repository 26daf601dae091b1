using Microsoft.Extensions.Options;
using VideoPipeline.Media;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Storage;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Tasks.Activities;

/// <summary>Fits, mixes and joins the scenes in one FFmpeg run (<see cref="TaskMediaArguments.Merge"/>).</summary>
[DurableTask("MergeScenes")]
[ActivityPool(ActivityPools.Media)]
public sealed class MergeScenesActivity(IAssetStore store, IFFmpegRunner ffmpeg, IOptions<PipelineOptions> options, IOptions<FFmpegOptions> encode, ActivityExecution execution)
    : TaskActivity<MergeScenesInput, RenderedMedia>
{
    public override async Task<RenderedMedia> RunAsync(TaskActivityContext context, MergeScenesInput input)
    {
        var ct = execution.CancellationToken;
        using var workspace = MediaWorkspace.Create(options.Value.WorkDirectory, context.Name.Name);
        var files = await Task.WhenAll(input.Scenes.Select(async scene => new MergeSceneFiles(
            await workspace.MaterializeAsync(store, scene.Video.Asset, ct),
            scene.Video.Facts,
            await workspace.MaterializeAsync(store, scene.Voiceover.Asset, ct))));
        var duration = input.Scenes.Sum(s => s.Video.Facts.DurationSeconds);
        var output = workspace.PathFor("merged.mp4");
        await ffmpeg.RunAsync(
            TaskMediaArguments.Merge(files, input.Mode, input.VideoVolume, input.VoiceoverVolume, output, encode.Value),
            new FFmpegRunOptions { ExpectedDurationSeconds = duration },
            ct);
        await store.UploadFileAsync(input.Output, output, ContentTypes.Mp4, new Dictionary<string, string> { [AssetMetadata.TaskId] = input.TaskId }, ct);
        return new RenderedMedia(input.Output, duration);
    }
}
