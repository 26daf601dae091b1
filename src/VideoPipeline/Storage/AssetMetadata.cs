namespace VideoPipeline.Storage;

/// <summary>Metadata names the pipeline puts on assets (blob metadata names must be C# identifiers).</summary>
public static class AssetMetadata
{
    /// <summary>Media duration in seconds, invariant culture (e.g. "12.48").</summary>
    public const string DurationSeconds = "durationSeconds";

    /// <summary>The task that produced the asset.</summary>
    public const string TaskId = "taskId";

    /// <summary>sha256 of the content, lowercase hex, for content-addressed assets.</summary>
    public const string Sha256 = "sha256";
}
