using VideoPipeline.Domain;
using Microsoft.DurableTask;
using VideoPipeline.Workflow.Tasks.Activities;
using VideoPipeline.Workflow.Activities;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Workflow.Tasks;

/// <summary>Import the video → transcribe its audio (word times) → build cues, write SRT/WebVTT and burn them in.</summary>
[DurableTask("CaptionTask")]
public sealed class CaptionTaskOrchestrator : TaskOrchestrator<CaptionTaskInput, ProcessingTaskResult>
{
    public override Task<ProcessingTaskResult> RunAsync(TaskOrchestrationContext context, CaptionTaskInput input) =>
        TaskRunner.RunAsync(context, input.Run, async (status, retry) =>
        {
            status.Enter(TaskStages.Download, 2);
            var video = await status.Run(TaskStages.Download, () =>
                TaskRunner.ImportAsync(context, retry, input.Run, "video", "video_url", input.Video, MediaKind.Video));
            if (!video.Facts.HasAudio)
            {
                throw status.Fail(new PipelineError(ErrorCodes.InvalidInput, "video_url: the video has no audio track to caption", false, TaskStages.Transcription));
            }

            status.Enter(TaskStages.Transcription, 20);
            var transcript = await status.Run(TaskStages.Transcription, () => context.CallTranscribeNarrationAsync(
                new TranscribeNarrationInput(video.Asset, input.Language, input.ModelSize), retry));

            status.Enter(TaskStages.BurnIn, 60);
            var burned = await status.Run(TaskStages.BurnIn, () => context.CallBurnCaptionsAsync(
                new BurnCaptionsInput(input.Run.TaskId, video, transcript.Transcript, input.Style, input.Outputs), retry));

            return new ProcessingTaskResult(new Dictionary<string, string>
            {
                [TaskOutputs.Video] = input.Outputs.Video.ToString(),
                [TaskOutputs.Srt] = input.Outputs.Srt.ToString(),
                [TaskOutputs.Vtt] = input.Outputs.Vtt.ToString(),
            })
            {
                Details = new Dictionary<string, string>
                {
                    ["speech_engine"] = transcript.Engine,
                    ["words_heard"] = transcript.WordCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["cues"] = burned.Cues.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            };
        });
}
