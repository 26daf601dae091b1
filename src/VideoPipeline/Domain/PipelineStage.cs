namespace VideoPipeline.Domain;

/// <summary>Stage names as they appear in current_stage, failed_stage and the manifest.</summary>
public static class PipelineStage
{
    public const string Pending = "pending";
    public const string Moderation = "moderation";
    public const string ScriptTranscription = "script_transcription";
    public const string Planning = "planning";
    public const string VideoGeneration = "video_generation";
    public const string Voiceover = "voiceover";
    public const string Transcription = "transcription";
    public const string Music = "music";
    public const string Editing = "editing";
    public const string Captioning = "captioning";
    public const string Assembly = "assembly";
    public const string Completed = "completed";
}
