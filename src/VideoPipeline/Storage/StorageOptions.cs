namespace VideoPipeline.Storage;

/// <summary>Where assets live and how the Blob/Queue client talks to the service. Bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>An Azure Storage connection string; without AccountKey the account is reached with Entra ID (DefaultAzureCredential).</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>The user-assigned managed identity to use when the connection string has no key; null for the default chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Put before every asset container name (e.g. "dev-"), so several environments can share one account.</summary>
    public string ContainerPrefix { get; set; } = string.Empty;

    /// <summary>How long the read links handed to users stay valid.</summary>
    public TimeSpan SasLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Uploads up to this size go in one Put Blob; larger ones as blocks.</summary>
    public int SingleUploadMaxBytes { get; set; } = 8 * 1024 * 1024;

    public int BlockSizeBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Blocks in flight per upload; with <see cref="BlockSizeBytes"/> this bounds an upload's memory.</summary>
    public int MaxParallelBlocks { get; set; } = 4;

    /// <summary>Retries of a request that failed transiently (5xx, 408, 429, network).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry's delay; each next one doubles, up to <see cref="MaxRetryDelay"/> (Retry-After wins when sent).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may wait for the response headers.</summary>
    public TimeSpan TryTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
