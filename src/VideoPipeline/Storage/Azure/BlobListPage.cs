namespace VideoPipeline.Storage.Azure;

/// <summary>One page of List Blobs; <see cref="NextMarker"/> is null on the last page.</summary>
public sealed record BlobListPage(IReadOnlyList<BlobProperties> Blobs, string? NextMarker);
