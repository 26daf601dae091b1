namespace VideoPipeline.Durable;

/// <summary>
/// The task hub and its worker, bound from the <c>DurableTask</c> section. The names are host.json's
/// (<c>extensions.durableTask</c>), so the local backend and a Functions deployment are tuned the same way;
/// the last group exists only where this project hosts the worker itself.
/// </summary>
public sealed class DurableTaskOptions
{
    public const string Section = "DurableTask";

    /// <summary>Names the queues, tables and blobs of the hub; separate hubs never see each other's work.</summary>
    public string HubName { get; set; } = "videofunctions";

    /// <summary>Activity executions a worker takes at once (waiting for a pool counts).</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = Math.Max(10, Environment.ProcessorCount * 4);

    /// <summary>Orchestration turns a worker runs at once.</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 16;

    /// <summary>Keeps an orchestration in memory between turns, so a turn does not reload its history.</summary>
    public bool ExtendedSessionsEnabled { get; set; }

    public int ExtendedSessionIdleTimeoutInSeconds { get; set; } = 30;

    public AzureStorageProviderOptions StorageProvider { get; set; } = new();

    /// <summary>Runs orchestrations and activities in this process; false for a host that only starts and reads them.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>
    /// Activities of one name, or of one pool (<see cref="ActivityPools"/>), running at once in this worker,
    /// e.g. <c>{ "media": 2, "SubmitSceneJob": 1 }</c>; 0 keeps this worker from running them at all.
    /// </summary>
    public Dictionary<string, int> ActivityConcurrency { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How often an activity may be handed to a worker that then dies before finishing it; the next delivery
    /// fails it for good (<see cref="Activities.ActivityPoisonedException"/>) instead of crashing workers forever.
    /// </summary>
    public int MaxActivityDeliveries { get; set; } = 3;

    /// <summary>How often running activities check whether their orchestration ended (terminated, failed, purged).</summary>
    public TimeSpan CancellationPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>host.json's <c>storageProvider</c> for the Azure Storage backend, with values that suit Azurite.</summary>
public sealed class AzureStorageProviderOptions
{
    public const string Section = "DurableTask:StorageProvider";

    /// <summary>Control queues; up to this many workers share the orchestration work (each partition is leased).</summary>
    public int PartitionCount { get; set; } = 4;

    public int ControlQueueBatchSize { get; set; } = 32;

    public int ControlQueueBufferThreshold { get; set; } = 128;

    /// <summary>How long a taken orchestration message stays hidden; a killed worker's turn comes back after this.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a taken activity stays hidden between renewals; a killed worker's activity comes back after this.</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest wait between polls of an empty queue (Durable's default of 30 s makes an idle hub slow to react).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A partition lease not renewed for this long passes to another worker.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(2);
}
