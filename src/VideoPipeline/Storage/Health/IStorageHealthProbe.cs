namespace VideoPipeline.Storage.Health;

/// <summary>Checks one backing store (for GET /api/health). Never throws: a failure is an unhealthy result.</summary>
public interface IStorageHealthProbe
{
    /// <summary>Short name of what is probed, e.g. "blob" or "cosmos".</summary>
    string Name { get; }

    Task<StorageHealth> CheckAsync(CancellationToken cancellationToken = default);
}
