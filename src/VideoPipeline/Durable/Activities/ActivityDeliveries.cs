using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Durable.Activities;

/// <summary>
/// Counts how often each scheduled activity was handed to a worker, in a table of the task hub's storage account
/// (<c>{hub}Deliveries</c>). A delivery is counted before the activity runs and forgotten once it finished (either
/// way), so the count only grows when workers die on it: the runtime keeps redelivering such a message forever.
/// </summary>
public sealed class ActivityDeliveries(TableServiceClient tables, IOptions<DurableTaskOptions> options)
{
    private readonly Lazy<Task<TableClient>> table = new(async () =>
    {
        var client = tables.GetTableClient($"{options.Value.HubName}Deliveries");
        await client.CreateIfNotExistsAsync();
        return client;
    });

    /// <summary>Counts this delivery; the number of deliveries so far, this one included.</summary>
    public async Task<int> CountAsync(ActivityInvocation invocation, CancellationToken cancellationToken)
    {
        var table = await this.table.Value;
        var (partition, row) = Keys(invocation);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // The first delivery (nearly every one) costs one insert; only a repeat reads and replaces.
                await table.AddEntityAsync(new TableEntity(partition, row) { ["Activity"] = invocation.Name, ["Count"] = 1 }, cancellationToken);
                return 1;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Delivered before: count on.
            }

            try
            {
                var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
                if (existing.HasValue)
                {
                    var entity = existing.Value!;
                    var count = (entity.GetInt32("Count") ?? 0) + 1;
                    entity["Count"] = count;
                    await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                    return count;
                }
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 10)
            {
                // Another delivery of the same task counted at the same moment: read again.
            }
        }
    }

    /// <summary>The activity finished (succeeded or failed) on this delivery: nothing to remember.</summary>
    public async Task ForgetAsync(ActivityInvocation invocation, CancellationToken cancellationToken)
    {
        var table = await this.table.Value;
        var (partition, row) = Keys(invocation);
        await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
    }

    // Table keys may not contain / \ # ? or control characters; instance ids may.
    private static (string Partition, string Row) Keys(ActivityInvocation invocation) =>
        (Uri.EscapeDataString(invocation.InstanceId).Replace("%", "~", StringComparison.Ordinal), $"{invocation.ExecutionId}.{invocation.TaskId}");
}
