using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Durable.Hosting;

/// <summary>Operator views of the task hub: its queues' depth (health reports) and deleting it (tests and benchmarks).</summary>
public sealed class TaskHubMaintenance(AzureStorageOrchestrationService service, TaskHubStorage storage, IOptions<DurableTaskOptions> options)
{
    public string HubName => options.Value.HubName;

    /// <summary>Approximate messages waiting per queue of the hub: its control queues (orchestrations) and its work items (activities).</summary>
    public async Task<IReadOnlyDictionary<string, long>> GetQueueDepthAsync(CancellationToken cancellationToken)
    {
        var hub = this.HubName.ToLowerInvariant();
        var names = Enumerable.Range(0, options.Value.StorageProvider.PartitionCount).Select(i => $"{hub}-control-{i:00}").Append($"{hub}-workitems");
        var depth = new Dictionary<string, long>();
        foreach (var name in names)
        {
            var queue = storage.Queues.GetQueueClient(name);
            if (await queue.ExistsAsync(cancellationToken))
            {
                depth[name] = (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            }
        }

        return depth;
    }

    /// <summary>Deletes the hub's queues, tables and blobs, and the delivery counts of its activities.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        await service.DeleteAsync();
        await storage.Tables.DeleteTableAsync($"{this.HubName}Deliveries", cancellationToken);
    }
}
