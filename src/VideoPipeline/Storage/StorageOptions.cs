using Azure.Core;
using Azure.Storage;

namespace VideoPipeline.Storage;

/// <summary>
/// How assets are kept and moved. Bound from the <c>Storage</c> section; the account itself is the Functions
/// connection <c>AzureWebJobsStorage</c> (<see cref="Account.StorageConnection"/>).
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Put before every asset container name (e.g. "dev-"), so several environments can share one account.</summary>
    public string ContainerPrefix { get; set; } = string.Empty;

    /// <summary>How long the read links handed to users stay valid.</summary>
    public TimeSpan SasLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Uploads up to this size go in one Put Blob; larger ones as blocks committed at the end.</summary>
    public int SingleUploadMaxBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The size of one block on upload and of one range on a parallel download.</summary>
    public int BlockSizeBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Blocks (or ranges) in flight per transfer; with <see cref="BlockSizeBytes"/> this bounds a transfer's memory.</summary>
    public int MaxParallelBlocks { get; set; } = 4;

    /// <summary>Retries of a request that failed transiently (the SDK's policy: 408, 429, 500, 502, 503, 504, network).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry's delay; each next one doubles, up to <see cref="MaxRetryDelay"/> (Retry-After wins when sent).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may wait on the network.</summary>
    public TimeSpan TryTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Block uploads and parallel range downloads sized for memory: at most <see cref="MaxParallelBlocks"/> blocks buffered.</summary>
    public StorageTransferOptions TransferOptions => new()
    {
        InitialTransferSize = this.SingleUploadMaxBytes,
        MaximumTransferSize = this.BlockSizeBytes,
        MaximumConcurrency = this.MaxParallelBlocks,
    };

    /// <summary>The retry settings above on an SDK client's options.</summary>
    public T Apply<T>(T clientOptions)
        where T : ClientOptions
    {
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = this.MaxRetries;
        clientOptions.Retry.Delay = this.RetryDelay;
        clientOptions.Retry.MaxDelay = this.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = this.TryTimeout;
        clientOptions.Diagnostics.ApplicationId = "VideoFunctions";
        return clientOptions;
    }
}
