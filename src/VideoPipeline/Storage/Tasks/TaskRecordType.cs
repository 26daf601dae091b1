namespace VideoPipeline.Storage.Tasks;

/// <summary>What a task does; stored snake_case ("background_music").</summary>
public enum TaskRecordType
{
    Generate,
    Caption,
    Merge,
    BackgroundMusic,
    Download,
    Upload,
    Burn,
    SplitScenes,
    SplitFixed,
    Trim,
    RenderProject,
}
