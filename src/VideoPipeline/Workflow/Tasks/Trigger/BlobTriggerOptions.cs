namespace VideoPipeline.Workflow.Tasks.Trigger;

/// <summary>
/// The blob trigger: video files dropped into <see cref="Container"/> (after <c>Storage:ContainerPrefix</c>) are
/// captioned. Bound from the <c>BlobTrigger</c> section.
/// </summary>
public sealed class BlobTriggerOptions
{
    public const string Section = "BlobTrigger";

    /// <summary>The Functions-style function id in receipts and poison messages.</summary>
    public const string FunctionId = "VideoFunctions.Functions.CaptionUploadedBlob";

    public bool Enabled { get; set; } = true;

    public string Container { get; set; } = Storage.AssetContainers.Uploads;

    /// <summary>Owns the tasks of blobs without an <c>owner</c> metadata value (<c>dev</c>: the local dev key's owner).</summary>
    public string Owner { get; set; } = "dev";

    /// <summary>Names the receipts folder, as the Functions host id does.</summary>
    public string HostId { get; set; } = "videofunctions";

    /// <summary>How often the container is listed (Azurite has no Event Grid); also scanned once at start.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per blob version before it is poison (the Functions default, 5).</summary>
    public int MaxAttempts { get; set; } = 5;

    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    public string Language { get; set; } = "en";

    public string ModelSize { get; set; } = "small";

    public int WordsPerLine { get; set; } = 3;

    /// <summary>Only these files are captioned; others (audio, documents) are left alone. Empty: <see cref="DefaultExtensions"/>.</summary>
    /// <remarks>Empty by default because configuration binding appends to a list instead of replacing it.</remarks>
    public List<string> Extensions { get; set; } = [];

    public static IReadOnlyList<string> DefaultExtensions { get; } = [".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi"];
}
