namespace VideoPipeline.Workflow.Tasks;

/// <summary>Orchestrators and activities of the processing tasks (seed 003) and the blob trigger.</summary>
public static class TaskActivityNames
{
    public const string CaptionTask = "CaptionTask";
    public const string MergeTask = "MergeTask";
    public const string BackgroundMusicTask = "BackgroundMusicTask";

    public const string ImportMedia = "ImportTaskMedia";
    public const string BurnCaptions = "BurnCaptions";
    public const string MergeScenes = "MergeScenes";
    public const string MixMusic = "MixBackgroundMusic";
    public const string PoisonBlob = "PoisonBlob";
}
