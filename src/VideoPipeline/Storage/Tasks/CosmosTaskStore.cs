using System.Net;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

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
    private readonly Lock gate = new();
    private Task<Container>? container;

    public CosmosTaskStore(CosmosClient client, IOptions<TaskStoreOptions> options, TimeProvider? time = null, ILogger<CosmosTaskStore>? logger = null)
    {
        this.client = client;
        this.options = options.Value;
        this.time = time ?? TimeProvider.System;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
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
            var response = await this.CallAsync(() => tasks.CreateItemAsync(record, new PartitionKey(record.OwnerId), cancellationToken: cancellationToken));
            return response.Resource with { ETag = response.ETag };
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
        try
        {
            var response = await this.CallAsync(() => tasks.ReadItemAsync<TaskRecord>(id, new PartitionKey(ownerId), cancellationToken: cancellationToken));
            return response.Resource with { ETag = response.ETag };
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.InternalServerError)
        {
            // The local Cosmos DB server answers a point read of a missing item with 500 instead of 404;
            // a single-partition query tells "missing" from a real failure, here and on Azure alike.
            return await this.QueryOneAsync(tasks, ownerId, id, cancellationToken);
        }
    }

    private async Task<TaskRecord?> QueryOneAsync(Container tasks, string ownerId, string id, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.ownerId = @ownerId AND c.id = @id")
            .WithParameter("@ownerId", ownerId)
            .WithParameter("@id", id);
        using var feed = tasks.GetItemQueryStreamIterator(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(ownerId) });
        while (feed.HasMoreResults)
        {
            using var page = await this.CallAsync(() => feed.ReadNextAsync(cancellationToken));
            page.EnsureSuccessStatusCode();
            using var body = await JsonDocument.ParseAsync(page.Content, cancellationToken: cancellationToken);
            foreach (var document in body.RootElement.GetProperty("Documents").EnumerateArray())
            {
                return document.Deserialize<TaskRecord>(TaskJson.Options)! with { ETag = document.GetProperty("_etag").GetString() };
            }
        }

        return null;
    }

    /// <summary>The database and container, created on first use (idempotently, so any instance may do it).</summary>
    internal Task<Container> ContainerAsync(CancellationToken cancellationToken)
    {
        Task<Container> creation;
        lock (this.gate)
        {
            // A failed creation (emulator not up yet) is tried again by the next call.
            if (this.container is null || this.container.IsFaulted || this.container.IsCanceled)
            {
                this.container = this.CreateContainerAsync();
            }

            creation = this.container;
        }

        return creation.WaitAsync(cancellationToken);
    }

    private async Task<Container> CreateContainerAsync()
    {
        var database = (await this.CallAsync(() => this.client.CreateDatabaseIfNotExistsAsync(this.options.Database))).Database;
        var properties = new ContainerProperties(this.options.Container, "/ownerId") { DefaultTimeToLive = -1 };
        var created = (await this.CallAsync(() => database.CreateContainerIfNotExistsAsync(properties))).Container;
        this.logger.ContainerReady(this.options.Database, this.options.Container);
        return created;
    }

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
