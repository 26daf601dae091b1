using Microsoft.DurableTask;
using VideoPipeline.Durable;
using VideoPipeline.Jobs;
using VideoPipeline.Domain;
using VideoPipeline.Providers;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Workflow.Activities;

/// <summary>One typed call per activity of the generate pipeline: its name, input and output come from the activity class itself.</summary>
public static class PipelineActivityCalls
{
    public static Task<EditDecisionList> CallApplySceneEditsAsync(this TaskOrchestrationContext context, ApplySceneEditsInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<ApplySceneEditsActivity, ApplySceneEditsInput, EditDecisionList>(input, options);

    public static Task<AssemblyResult> CallAssembleVideoAsync(this TaskOrchestrationContext context, AssembleVideoInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<AssembleVideoActivity, AssembleVideoInput, AssemblyResult>(input, options);

    public static Task<CaptionsResult> CallBuildCaptionsAsync(this TaskOrchestrationContext context, BuildCaptionsInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<BuildCaptionsActivity, BuildCaptionsInput, CaptionsResult>(input, options);

    public static Task<bool> CallCancelSceneJobAsync(this TaskOrchestrationContext context, VideoJobTicket input, TaskOptions? options = null) =>
        context.CallActivityAsync<CancelSceneJobActivity, VideoJobTicket, bool>(input, options);

    public static Task<MusicResult> CallComposeMusicAsync(this TaskOrchestrationContext context, ComposeMusicInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<ComposeMusicActivity, ComposeMusicInput, MusicResult>(input, options);

    public static Task<SceneClipResult> CallDownloadSceneJobAsync(this TaskOrchestrationContext context, DownloadSceneJobInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<DownloadSceneJobActivity, DownloadSceneJobInput, SceneClipResult>(input, options);

    public static Task<SceneClipResult> CallGenerateSceneClipAsync(this TaskOrchestrationContext context, GenerateSceneClipInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<GenerateSceneClipActivity, GenerateSceneClipInput, SceneClipResult>(input, options);

    public static Task<ModerationVerdict> CallModerateContentAsync(this TaskOrchestrationContext context, ModerateContentInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<ModerateContentActivity, ModerateContentInput, ModerationVerdict>(input, options);

    public static Task<FrameModerationVerdict> CallModerateFramesAsync(this TaskOrchestrationContext context, ModerateFramesInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<ModerateFramesActivity, ModerateFramesInput, FrameModerationVerdict>(input, options);

    public static Task<ScenePlan> CallPlanScenesAsync(this TaskOrchestrationContext context, PlanScenesInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<PlanScenesActivity, PlanScenesInput, ScenePlan>(input, options);

    public static Task<SceneJobPoll> CallPollSceneJobAsync(this TaskOrchestrationContext context, VideoJobTicket input, TaskOptions? options = null) =>
        context.CallActivityAsync<PollSceneJobActivity, VideoJobTicket, SceneJobPoll>(input, options);

    public static Task<bool> CallRecordJobEventAsync(this TaskOrchestrationContext context, JobEvent input, TaskOptions? options = null) =>
        context.CallActivityAsync<RecordJobEventActivity, JobEvent, bool>(input, options);

    public static Task<SceneJobSubmission> CallSubmitSceneJobAsync(this TaskOrchestrationContext context, SubmitSceneJobInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<SubmitSceneJobActivity, SubmitSceneJobInput, SceneJobSubmission>(input, options);

    public static Task<VoiceoverResult> CallSynthesizeVoiceoverAsync(this TaskOrchestrationContext context, SynthesizeVoiceoverInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<SynthesizeVoiceoverActivity, SynthesizeVoiceoverInput, VoiceoverResult>(input, options);

    public static Task<TranscriptionResult> CallTranscribeNarrationAsync(this TaskOrchestrationContext context, TranscribeNarrationInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<TranscribeNarrationActivity, TranscribeNarrationInput, TranscriptionResult>(input, options);
}
