using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoPipeline.Storage.Cosmos;

namespace VideoPipeline.Storage.Tasks;

/// <summary>
/// Task records in Cosmos DB (SQL API), partition key <c>/ownerId</c>. Queries stay within what both Azure and the
/// local Cosmos DB server support: one partition, the key in the WHERE text, no ORDER BY/OFFSET/aggregates
/// (sorting and paging happen here).
/// </summary>
public sealed class CosmosTaskStore : ITaskStore
{
    private readonly CosmosClient client;
    private readonly TaskStoreOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly LazyCosmosContainer container;

    public CosmosTaskStore(CosmosClient client, IOptions<TaskStoreOptions> options, TimeProvider? time = null, ILogger<CosmosTaskStore>? logger = null)
    {
        this.client = client;
        this.options = options.Value;
        this.time = time ?? TimeProvider.System;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        this.container = new LazyCosmosContainer(client, this.options.Database, new ContainerProperties(this.options.Container, "/ownerId") { DefaultTimeToLive = -1 });
    }

    public async Task<TaskRecord> CreateAsync(TaskRecord task, CancellationToken cancellationToken = default)
    {
        var tasks = await this.ContainerAsync(cancellationToken);
        var now = this.time.GetUtcNow();
        var record = task with
        {
            Progress = Math.Clamp(task.Progress, 0, 100),
            CreatedAt = task.CreatedAt == default ? now : task.CreatedAt,
            UpdatedAt = now,
            ETag = null,
        };
        try
        {
            // The record is what was sent: no need to have it echoed and parsed again.
            var response = await this.CallAsync(() => tasks.CreateItemAsync(
                record, new PartitionKey(record.OwnerId), new ItemRequestOptions { EnableContentResponseOnWrite = false }, cancellationToken));
            return record with { ETag = response.ETag };
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            throw new TaskAlreadyExistsException(task.OwnerId, task.Id);
        }
    }

    public async Task<TaskRecord?> GetAsync(string ownerId, string id, bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        var record = await this.ReadAsync(ownerId, id, cancellationToken);
        return record is null || (record.IsDeleted && !includeDeleted) ? null : record;
    }

    public Task<TaskRecord> UpdateAsync(string ownerId, string id, Func<TaskRecord, TaskRecord> change, CancellationToken cancellationToken = default) =>
        this.WriteAsync(ownerId, id, current =>
        {
            var changed = change(current);
            return changed with
            {
                Id = current.Id,
                OwnerId = current.OwnerId,
                CreatedAt = current.CreatedAt,
                IsDeleted = current.IsDeleted,
                Ttl = current.Ttl,
                Progress = Math.Max(current.Progress, Math.Clamp(changed.Progress, 0, 100)),
            };
        },
        cancellationToken);

    public Task<TaskRecord> SoftDeleteAsync(string ownerId, string id, CancellationToken cancellationToken = default) =>
        this.WriteAsync(ownerId, id, current => current with { IsDeleted = true, Ttl = (int)this.options.DeletedRetention.TotalSeconds }, cancellationToken);

    public Task<TaskRecord> RestoreAsync(string ownerId, string id, CancellationToken cancellationToken = default) =>
        this.WriteAsync(ownerId, id, current => current with { IsDeleted = false, Ttl = null }, cancellationToken);

    public async Task<TaskPage> ListAsync(string ownerId, TaskListQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new TaskListQuery();
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, 200);
        var after = query.ContinuationToken is null ? (TaskContinuationToken?)null : TaskContinuationToken.Parse(query.ContinuationToken);

        var tasks = await this.ContainerAsync(cancellationToken);
        var matching = new List<TaskRecord>();
        using (var feed = tasks.GetItemQueryIterator<TaskRecord>(
            BuildQuery(ownerId, query),
            requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(ownerId), MaxItemCount = 500 }))
        {
            while (feed.HasMoreResults)
            {
                var page = await this.CallAsync(() => feed.ReadNextAsync(cancellationToken));
                matching.AddRange(page.Where(t => after is null || after.Value.Precedes(t)));
            }
        }

        var ordered = matching
            .OrderByDescending(t => t.CreatedAt.UtcTicks)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .Take(query.PageSize + 1)
            .ToList();
        var more = ordered.Count > query.PageSize;
        var items = ordered.Take(query.PageSize).ToList();
        return new TaskPage(items, more ? TaskContinuationToken.After(items[^1]).ToString() : null);
    }

    // Partition key in the WHERE text, parameters for every value.
    private static QueryDefinition BuildQuery(string ownerId, TaskListQuery query)
    {
        var text = "SELECT * FROM c WHERE c.ownerId = @ownerId";
        text += query.Deleted switch
        {
            DeletedTasks.Exclude => " AND c.isDeleted = false",
            DeletedTasks.Only => " AND c.isDeleted = true",
            _ => string.Empty,
        };
        text += query.Status is null ? string.Empty : " AND c.status = @status";
        var definition = new QueryDefinition(text).WithParameter("@ownerId", ownerId);
        return query.Status is { } status ? definition.WithParameter("@status", TaskJson.ToJsonValue(status)) : definition;
    }

    // The ETag-guarded read-modify-write loop: on 412 someone wrote in between, so re-read and apply again.
    private async Task<TaskRecord> WriteAsync(string ownerId, string id, Func<TaskRecord, TaskRecord> change, CancellationToken cancellationToken)
    {
        var tasks = await this.ContainerAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var current = await this.ReadAsync(ownerId, id, cancellationToken) ?? throw new TaskNotFoundException(ownerId, id);
            var next = change(current) with { UpdatedAt = this.time.GetUtcNow(), ETag = null };
            try
            {
                var response = await this.CallAsync(() => tasks.ReplaceItemAsync(
                    next, id, new PartitionKey(ownerId), new ItemRequestOptions { IfMatchEtag = current.ETag }, cancellationToken));
                return response.Resource with { ETag = response.ETag };
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed && attempt < this.options.MaxUpdateAttempts)
            {
                this.logger.UpdateConflict(id, attempt);

                // A short random pause spreads out writers that collided.
                await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 20)), cancellationToken);
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                throw new TaskNotFoundException(ownerId, id);
            }
        }
    }

    private async Task<TaskRecord?> ReadAsync(string ownerId, string id, CancellationToken cancellationToken)
    {
        var tasks = await this.ContainerAsync(cancellationToken);
        var found = await this.CallAsync(() => tasks.ReadOrNullAsync<TaskRecord>(id, "ownerId", ownerId, cancellationToken));
        return found is { } item ? item.Item with { ETag = item.ETag } : null;
    }

    /// <summary>The database and container, created on first use.</summary>
    internal Task<Container> ContainerAsync(CancellationToken cancellationToken) => this.CallAsync(() => this.container.GetAsync(cancellationToken));

    // An unreachable account becomes one clear message naming the service (and, locally, how to start it).
    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            var endpoint = this.client.Endpoint;
            var local = endpoint.IsLoopback
                ? " Locally this is the Cosmos DB server on port 8081: start it with scripts/emulators.sh start (./run.sh and ./test.sh start it for you)."
                : string.Empty;
            throw new TaskStoreUnavailableException($"The Cosmos DB account at {endpoint} is not reachable ({e.Message.Split('\n')[0].Trim()}).{local}", e);
        }
    }

    private static bool IsUnreachable(Exception e) =>
        e is HttpRequestException
        || (e is CosmosException cosmos && cosmos.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout)
        || (e.InnerException is { } inner && IsUnreachable(inner));
}
