using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using VideoPipeline.Storage.Cosmos;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Webhooks.EventLog;

/// <summary>
/// Every job event and its deliveries in Cosmos DB, one document per event (id = event id) in the job's
/// partition, so a job's log is one single-partition query. Writes are idempotent: appending an event
/// that is there keeps the first copy, and attempts are recorded by number.
/// </summary>
public sealed class JobEventLog
{
    private const string PartitionKeyPath = "jobId";
    private readonly LazyCosmosContainer container;
    private readonly int ttl;

    public JobEventLog(CosmosClient client, IOptions<TaskStoreOptions> database, IOptions<WebhookEventLogOptions> options)
    {
        var log = options.Value;
        this.ttl = (int)log.Retention.TotalSeconds;
        this.container = new LazyCosmosContainer(
            client, database.Value.Database, new ContainerProperties(log.Container, "/" + PartitionKeyPath) { DefaultTimeToLive = -1 });
    }

    /// <returns>The event as logged: this one, or the copy an earlier publish of the same event left.</returns>
    public async Task<LoggedJobEvent> AppendAsync(LoggedJobEvent jobEvent, CancellationToken cancellationToken)
    {
        var events = await this.container.GetAsync(cancellationToken);
        try
        {
            var response = await events.CreateItemAsync(jobEvent with { Ttl = this.ttl }, new PartitionKey(jobEvent.JobId), cancellationToken: cancellationToken);
            return response.Resource;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return await this.GetAsync(jobEvent.JobId, jobEvent.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Event {jobEvent.Id} vanished after a conflicting insert");
        }
    }

    public async Task<LoggedJobEvent?> GetAsync(string jobId, string eventId, CancellationToken cancellationToken)
    {
        var events = await this.container.GetAsync(cancellationToken);
        return (await events.ReadOrNullAsync<LoggedJobEvent>(eventId, PartitionKeyPath, jobId, cancellationToken))?.Item;
    }

    /// <summary>The owner's job's events in sequence order (empty for a job with none, or someone else's).</summary>
    public async Task<IReadOnlyList<LoggedJobEvent>> ListAsync(string ownerId, string jobId, CancellationToken cancellationToken)
    {
        var events = await this.container.GetAsync(cancellationToken);

        // The partition key in the WHERE text and no ORDER BY: what the local server supports; sorted here.
        var query = new QueryDefinition("SELECT * FROM c WHERE c.jobId = @jobId AND c.ownerId = @ownerId")
            .WithParameter("@jobId", jobId)
            .WithParameter("@ownerId", ownerId);
        var found = new List<LoggedJobEvent>();
        using var feed = events.GetItemQueryIterator<LoggedJobEvent>(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(jobId) });
        while (feed.HasMoreResults)
        {
            found.AddRange(await feed.ReadNextAsync(cancellationToken));
        }

        return [.. found.OrderBy(e => e.Sequence)];
    }

    /// <summary>The owner's job's logged event with the lowest sequence number from <paramref name="fromSequence"/> on; null when none.</summary>
    public async Task<LoggedJobEvent?> FindFirstFromAsync(string ownerId, string jobId, long fromSequence, CancellationToken cancellationToken)
    {
        var events = await this.container.GetAsync(cancellationToken);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.jobId = @jobId AND c.ownerId = @ownerId AND c.sequence >= @from")
            .WithParameter("@jobId", jobId)
            .WithParameter("@ownerId", ownerId)
            .WithParameter("@from", fromSequence);
        LoggedJobEvent? first = null;
        using var feed = events.GetItemQueryIterator<LoggedJobEvent>(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(jobId) });
        while (feed.HasMoreResults)
        {
            foreach (var e in await feed.ReadNextAsync(cancellationToken))
            {
                first = first is null || e.Sequence < first.Sequence ? e : first;
            }
        }

        return first;
    }

    /// <summary>Adds a delivery to the event (nothing when one with its id is there).</summary>
    /// <returns>The event afterwards; null when it is not in the log.</returns>
    public Task<LoggedJobEvent?> AddDeliveryAsync(string jobId, string eventId, WebhookDelivery delivery, CancellationToken cancellationToken) =>
        this.ChangeAsync(jobId, eventId, e => e.Deliveries.Any(d => d.Id == delivery.Id) ? null : e with { Deliveries = [.. e.Deliveries, delivery] }, cancellationToken);

    /// <summary>Records an attempt of a delivery, adding the delivery when its entry is missing.</summary>
    /// <returns>The event afterwards; null when it is not in the log.</returns>
    public Task<LoggedJobEvent?> RecordAttemptAsync(
        string jobId, string eventId, WebhookDelivery delivery, WebhookAttempt attempt, CancellationToken cancellationToken) =>
        this.ChangeAsync(
            jobId,
            eventId,
            e =>
            {
                var current = e.Deliveries.FirstOrDefault(d => d.Id == delivery.Id);
                var updated = (current ?? delivery).With(attempt);
                return e with { Deliveries = current is null ? [.. e.Deliveries, updated] : [.. e.Deliveries.Select(d => ReferenceEquals(d, current) ? updated : d)] };
            },
            cancellationToken);

    private async Task<LoggedJobEvent?> ChangeAsync(string jobId, string eventId, Func<LoggedJobEvent, LoggedJobEvent?> change, CancellationToken cancellationToken)
    {
        var events = await this.container.GetAsync(cancellationToken);
        return await events.ChangeAsync<LoggedJobEvent>(
            eventId, PartitionKeyPath, jobId, e => change(e) is { } changed ? changed with { Ttl = this.ttl } : null, cancellationToken);
    }
}
