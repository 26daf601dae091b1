using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Durable.Hosting;

/// <summary>
/// The Durable Task Framework's Azure Storage backend (the Durable Functions default) for <see cref="DurableTaskOptions"/>:
/// orchestration state in tables, messages in queues, large payloads in blobs. Workers in several processes share
/// one hub; each control-queue partition is leased by one of them at a time.
/// </summary>
internal static class AzureStorageTaskHub
{
    public static AzureStorageOrchestrationService Create(TaskHubStorage storage, IOptions<DurableTaskOptions> options, ILoggerFactory loggers)
    {
        var o = options.Value;
        var p = o.StorageProvider;
        return new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = o.HubName,
            StorageAccountClientProvider = storage.ClientProvider,
            PartitionCount = p.PartitionCount,
            ControlQueueBatchSize = p.ControlQueueBatchSize,
            ControlQueueBufferThreshold = p.ControlQueueBufferThreshold,
            ControlQueueVisibilityTimeout = p.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = p.WorkItemQueueVisibilityTimeout,
            MaxQueuePollingInterval = p.MaxQueuePollingInterval,
            LeaseInterval = p.LeaseInterval,
            LeaseRenewInterval = p.LeaseRenewInterval,
            LeaseAcquireInterval = p.LeaseAcquireInterval,
            MaxConcurrentTaskActivityWorkItems = o.MaxConcurrentActivityFunctions,
            MaxConcurrentTaskOrchestrationWorkItems = o.MaxConcurrentOrchestratorFunctions,
            ExtendedSessionsEnabled = o.ExtendedSessionsEnabled,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(o.ExtendedSessionIdleTimeoutInSeconds),

            // Leases are per worker: two processes on one machine must not share an id.
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}",
            LoggerFactory = loggers,

            // A start whose instance exists in a listed state says so (OrchestrationAlreadyExistsException), as DurableTaskClient documents.
            ThrowExceptionOnInvalidDedupeStatus = true,
        });
    }
}
