namespace VideoPipeline.Workflow.Tasks;

/// <summary>
/// A finished processing task: its outputs by role ("video", "srt", "vtt") as asset ids, and facts about the
/// run worth showing (the speech engine, whether it used the requested model size, durations).
/// </summary>
public sealed record ProcessingTaskResult(IReadOnlyDictionary<string, string> Outputs)
{
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}

/// <summary>Output roles of processing tasks.</summary>
public static class TaskOutputs
{
    public const string Video = "video";
    public const string Srt = "srt";
    public const string Vtt = "vtt";

    /// <summary>The one output of an upload record.</summary>
    public const string File = "file";
}
