using VideoPipeline.Domain;

namespace VideoPipeline.Workflow.Tasks;

/// <summary>Stage names of processing tasks, as current_stage and failed_stage show them.</summary>
public static class TaskStages
{
    public const string Download = "download";
    public const string Transcription = PipelineStage.Transcription;
    public const string Captioning = PipelineStage.Captioning;
    public const string BurnIn = "burn_in";
    public const string Merge = "merge";
    public const string Mix = "mix";
}

/// <summary>Error codes particular to processing tasks (besides <see cref="ErrorCodes"/>).</summary>
public static class TaskErrorCodes
{
    /// <summary>A fetched input is larger than the download limit.</summary>
    public const string TooLarge = "INPUT_TOO_LARGE";

    /// <summary>The triggering blob was replaced; its new version is a task of its own.</summary>
    public const string BlobSuperseded = "BLOB_SUPERSEDED";

    /// <summary>The blob trigger gave up after its attempts (the blob is in the poison queue).</summary>
    public const string BlobPoisoned = "BLOB_POISONED";
}
