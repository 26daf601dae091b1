namespace VideoPipeline.Workflow.Activities;

public static class ActivityNames
{
    public const string ModerateContent = "ModerateContent";
    public const string ModerateFrames = "ModerateFrames";
    public const string TranscribeNarration = "TranscribeNarration";
    public const string PlanScenes = "PlanScenes";
    public const string GenerateSceneClip = "GenerateSceneClip";
    public const string SubmitSceneJob = "SubmitSceneJob";
    public const string PollSceneJob = "PollSceneJob";
    public const string DownloadSceneJob = "DownloadSceneJob";
    public const string CancelSceneJob = "CancelSceneJob";
    public const string SynthesizeVoiceover = "SynthesizeVoiceover";
    public const string ComposeMusic = "ComposeMusic";
    public const string ApplySceneEdits = "ApplySceneEdits";
    public const string BuildCaptions = "BuildCaptions";
    public const string AssembleVideo = "AssembleVideo";
    public const string RecordJobEvent = "RecordJobEvent";
}
