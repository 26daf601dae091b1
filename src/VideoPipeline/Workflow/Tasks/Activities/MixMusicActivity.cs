using Microsoft.Extensions.Options;
using VideoPipeline.Media;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Storage;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Tasks.Activities;

/// <summary>Mixes the music under the video's audio in one FFmpeg run (<see cref="TaskMediaArguments.MixMusic"/>).</summary>
[DurableTask("MixBackgroundMusic")]
[ActivityPool(ActivityPools.Media)]
public sealed class MixMusicActivity(IAssetStore store, IFFmpegRunner ffmpeg, IOptions<PipelineOptions> options, IOptions<FFmpegOptions> encode, ActivityExecution execution)
    : TaskActivity<MixMusicInput, RenderedMedia>
{
    public override async Task<RenderedMedia> RunAsync(TaskActivityContext context, MixMusicInput input)
    {
        var ct = execution.CancellationToken;
        using var workspace = MediaWorkspace.Create(options.Value.WorkDirectory, context.Name.Name);
        var video = await workspace.MaterializeAsync(store, input.Video.Asset, ct);
        var music = await workspace.MaterializeAsync(store, input.Music.Asset, ct);
        var output = workspace.PathFor("with_music.mp4");
        var facts = input.Video.Facts;
        await ffmpeg.RunAsync(
            TaskMediaArguments.MixMusic(video, facts, music, input.MusicVolume, input.VideoVolume, output, encode.Value),
            new FFmpegRunOptions { ExpectedDurationSeconds = facts.DurationSeconds },
            ct);
        await store.UploadFileAsync(input.Output, output, ContentTypes.Mp4, new Dictionary<string, string> { [AssetMetadata.TaskId] = input.TaskId }, ct);
        return new RenderedMedia(input.Output, facts.DurationSeconds);
    }
}
