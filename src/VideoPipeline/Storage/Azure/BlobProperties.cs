namespace VideoPipeline.Storage.Azure;

public sealed record BlobProperties(
    string Container,
    string Name,
    long Length,
    string ContentType,
    string ETag,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata,
    string? LeaseState = null);
