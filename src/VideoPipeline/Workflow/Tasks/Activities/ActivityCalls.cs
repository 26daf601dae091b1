using Microsoft.DurableTask;
using VideoPipeline.Durable;

namespace VideoPipeline.Workflow.Tasks.Activities;

/// <summary>One typed call per activity of the processing tasks: its name, input and output come from the activity class itself.</summary>
public static class ProcessingActivityCalls
{
    public static Task<BurnCaptionsResult> CallBurnCaptionsAsync(this TaskOrchestrationContext context, BurnCaptionsInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<BurnCaptionsActivity, BurnCaptionsInput, BurnCaptionsResult>(input, options);

    public static Task<ImportedMedia> CallImportTaskMediaAsync(this TaskOrchestrationContext context, ImportMediaInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<ImportMediaActivity, ImportMediaInput, ImportedMedia>(input, options);

    public static Task<RenderedMedia> CallMergeScenesAsync(this TaskOrchestrationContext context, MergeScenesInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<MergeScenesActivity, MergeScenesInput, RenderedMedia>(input, options);

    public static Task<RenderedMedia> CallMixBackgroundMusicAsync(this TaskOrchestrationContext context, MixMusicInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<MixMusicActivity, MixMusicInput, RenderedMedia>(input, options);

    public static Task<bool> CallPoisonBlobAsync(this TaskOrchestrationContext context, PoisonBlobInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<PoisonBlobActivity, PoisonBlobInput, bool>(input, options);
}
