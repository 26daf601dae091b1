using System.Globalization;
using Microsoft.DurableTask;
using VideoPipeline.Workflow.Tasks.Activities;

namespace VideoPipeline.Workflow.Tasks;

/// <summary>Import every scene's video and voiceover (in parallel) → one encode that fits, mixes and joins them.</summary>
[DurableTask("MergeTask")]
public sealed class MergeTaskOrchestrator : TaskOrchestrator<MergeTaskInput, ProcessingTaskResult>
{
    public override Task<ProcessingTaskResult> RunAsync(TaskOrchestrationContext context, MergeTaskInput input) =>
        TaskRunner.RunAsync(context, input.Run, async (status, retry) =>
        {
            status.Enter(TaskStages.Download, 2);
            status.Units(2, 40, input.Scenes.Count * 2);
            var imports = input.Scenes.Select((scene, i) => (
                Video: status.Track(TaskRunner.ImportAsync(context, retry, input.Run, $"scene-{i + 1}-video", $"scenes[{i}].video_url", scene.Video, MediaKind.Video)),
                Voice: status.Track(TaskRunner.ImportAsync(context, retry, input.Run, $"scene-{i + 1}-voiceover", $"scenes[{i}].voiceover_url", scene.Voiceover, MediaKind.Audio))))
                .ToList();
            await Task.WhenAll(imports.SelectMany(s => new Task[] { s.Video, s.Voice }));
            var scenes = imports.Select(s => new ImportedScene(s.Video.Result, s.Voice.Result)).ToList();

            status.Enter(TaskStages.Merge, 45);
            var merged = await status.Run(TaskStages.Merge, () => context.CallMergeScenesAsync(
                new MergeScenesInput(input.Run.TaskId, scenes, input.Mode, input.VideoVolume, input.VoiceoverVolume, input.Output),
                retry));
            return new ProcessingTaskResult(new Dictionary<string, string> { [TaskOutputs.Video] = merged.Asset.ToString() })
            {
                Details = new Dictionary<string, string> { ["duration_seconds"] = merged.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture) },
            };
        });
}
