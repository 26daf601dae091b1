using System.Globalization;
using Microsoft.DurableTask;
using VideoPipeline.Workflow.Tasks.Activities;

namespace VideoPipeline.Workflow.Tasks;

/// <summary>Import the video and the music (in parallel) → loop or cut the music to the video and mix it under; video copied.</summary>
[DurableTask("BackgroundMusicTask")]
public sealed class BackgroundMusicTaskOrchestrator : TaskOrchestrator<BackgroundMusicTaskInput, ProcessingTaskResult>
{
    public override Task<ProcessingTaskResult> RunAsync(TaskOrchestrationContext context, BackgroundMusicTaskInput input) =>
        TaskRunner.RunAsync(context, input.Run, async (status, retry) =>
        {
            status.Enter(TaskStages.Download, 2);
            var video = TaskRunner.ImportAsync(context, retry, input.Run, "video", "video_url", input.Video, MediaKind.Video);
            var music = TaskRunner.ImportAsync(context, retry, input.Run, "music", "music_url", input.Music, MediaKind.Audio);
            await Task.WhenAll(video, music);

            status.Enter(TaskStages.Mix, 40);
            var mixed = await status.Run(TaskStages.Mix, () => context.CallMixBackgroundMusicAsync(
                new MixMusicInput(input.Run.TaskId, video.Result, music.Result, input.MusicVolume, input.VideoVolume, input.Output),
                retry));
            return new ProcessingTaskResult(new Dictionary<string, string> { [TaskOutputs.Video] = mixed.Asset.ToString() })
            {
                Details = new Dictionary<string, string> { ["duration_seconds"] = mixed.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture) },
            };
        });
}
