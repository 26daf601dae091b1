namespace VideoPipeline.Storage.Azure;

public sealed record BlobUploadOptions
{
    public string ContentType { get; init; } = ContentTypes.OctetStream;

    /// <summary>Names must be C# identifiers; values printable ASCII (the service carries them as headers).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public BlobRequestConditions? Conditions { get; init; }
}
