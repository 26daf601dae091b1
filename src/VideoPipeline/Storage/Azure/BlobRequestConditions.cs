namespace VideoPipeline.Storage.Azure;

/// <summary>Preconditions for a blob write or read; the service answers 412 (ConditionNotMet, LeaseIdMissing, ...) when one fails.</summary>
public sealed record BlobRequestConditions
{
    /// <summary>Create-once: the write fails with 409 BlobAlreadyExists when the blob already exists.</summary>
    public static BlobRequestConditions IfNotExists { get; } = new() { IfNoneMatch = "*" };

    /// <summary>An ETag (with its quotes, as the service returned it) the blob must still have.</summary>
    public string? IfMatch { get; init; }

    public string? IfNoneMatch { get; init; }

    /// <summary>The active lease on the blob, needed to write or delete a leased blob.</summary>
    public string? LeaseId { get; init; }

    public static BlobRequestConditions ForETag(string etag) => new() { IfMatch = etag };

    internal void Apply(HttpRequestMessage request)
    {
        if (this.IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", this.IfMatch);
        }

        if (this.IfNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", this.IfNoneMatch);
        }

        if (this.LeaseId is not null)
        {
            request.Headers.TryAddWithoutValidation("x-ms-lease-id", this.LeaseId);
        }
    }
}
