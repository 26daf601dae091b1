namespace VideoPipeline.Storage;

public sealed record AssetProperties(
    AssetRef Asset,
    long Length,
    string ContentType,
    string ETag,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata);
