using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using VideoPipeline.Durable;
using VideoPipeline.Durable.Engine;
using VideoPipeline.Storage.Cosmos;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Storage.Durable;

/// <summary>
/// Orchestration instances and history in Cosmos DB. Instance documents share one partition per task
/// hub (queries stay single-partition, as the emulator requires); each instance's history chunks live
/// in the instance's own partition. A commit writes the chunk under a fresh token, then replaces the
/// instance document if its ETag matches and lists the token: a loser's chunk is never listed, so it
/// is never read.
/// </summary>
public sealed class CosmosOrchestrationStore(
    CosmosClient client,
    IOptions<TaskStoreOptions> database,
    IOptions<OrchestrationStoreOptions> options,
    IOptions<DurableEngineOptions> engine) : IOrchestrationStore
{
    private const string InstanceKind = "instance";
    private const string ChunkKind = "history";

    // The document is what was sent: no need to have it echoed and parsed again.
    private static readonly ItemRequestOptions NoContentBack = new() { EnableContentResponseOnWrite = false };

    private readonly string hub = engine.Value.TaskHub;
    private readonly LazyCosmosContainer container = new(client, database.Value.Database, new ContainerProperties(options.Value.Container, "/pk"));

    private string InstancesPartition => $"{this.hub}:instances";

    public async Task<InstanceState?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        var store = await this.ContainerAsync(cancellationToken);
        using var response = await store.ReadItemStreamAsync(instanceId, new PartitionKey(this.InstancesPartition), cancellationToken: cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return await ReadInstanceAsync(response.Content, response.Headers.ETag, cancellationToken);
        }

        // The local Cosmos DB server answers a missing item with 500; a query tells missing from broken.
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.InternalServerError)
        {
            return response.StatusCode == HttpStatusCode.NotFound ? null : await this.QueryInstanceAsync(store, instanceId, cancellationToken);
        }

        response.EnsureSuccessStatusCode();
        return null;
    }

    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(InstanceState instance, CancellationToken cancellationToken)
    {
        if (instance.Chunks.Count == 0)
        {
            return [];
        }

        var store = await this.ContainerAsync(cancellationToken);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.executionId = @execution")
            .WithParameter("@pk", this.HistoryPartition(instance.InstanceId))
            .WithParameter("@execution", instance.ExecutionId);
        var chunks = new Dictionary<string, IReadOnlyList<HistoryEvent>>(StringComparer.Ordinal);
        using var feed = store.GetItemQueryIterator<HistoryChunk>(
            query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(this.HistoryPartition(instance.InstanceId)) });
        while (feed.HasMoreResults)
        {
            foreach (var chunk in await feed.ReadNextAsync(cancellationToken))
            {
                chunks[chunk.Token] = chunk.Events;
            }
        }

        var history = new List<HistoryEvent>(instance.HistoryCount);
        foreach (var token in instance.Chunks)
        {
            history.AddRange(chunks.TryGetValue(token, out var events)
                ? events
                : throw new InvalidOperationException($"History chunk {token} of {instance.InstanceId} is missing"));
        }

        return history;
    }

    public async Task<InstanceState?> TryCreateAsync(InstanceState instance, CancellationToken cancellationToken)
    {
        var store = await this.ContainerAsync(cancellationToken);
        try
        {
            var response = await store.CreateItemAsync(
                this.Document(instance), new PartitionKey(this.InstancesPartition), NoContentBack, cancellationToken);
            return instance with { ETag = response.ETag };
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    public async Task<InstanceState> CommitAsync(InstanceState updated, IReadOnlyList<HistoryEvent> newEvents, CancellationToken cancellationToken)
    {
        var store = await this.ContainerAsync(cancellationToken);
        var state = updated;
        if (newEvents.Count > 0)
        {
            var token = Guid.NewGuid().ToString("N");
            var chunk = new HistoryChunk(
                $"{updated.InstanceId}|{updated.ExecutionId}|{token}", this.HistoryPartition(updated.InstanceId), ChunkKind, updated.ExecutionId, token, newEvents);
            await store.CreateItemAsync(chunk, new PartitionKey(chunk.Pk), new ItemRequestOptions { EnableContentResponseOnWrite = false }, cancellationToken);
            state = updated with { Chunks = [.. updated.Chunks, token] };
        }

        try
        {
            var response = await store.ReplaceItemAsync(
                this.Document(state),
                state.InstanceId,
                new PartitionKey(this.InstancesPartition),
                new ItemRequestOptions { IfMatchEtag = updated.ETag, EnableContentResponseOnWrite = false },
                cancellationToken);
            return state with { ETag = response.ETag };
        }
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            throw new OrchestrationConcurrencyException(updated.InstanceId);
        }
    }

    public async Task<InstancePage> QueryAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        var store = await this.ContainerAsync(cancellationToken);
        var text = "SELECT * FROM c WHERE c.pk = @pk AND c.kind = @kind";
        var parameters = new Dictionary<string, object> { ["@pk"] = this.InstancesPartition, ["@kind"] = InstanceKind };
        var statuses = query.Statuses?.ToList() ?? [];
        if (statuses.Count > 0)
        {
            text += " AND (" + string.Join(" OR ", statuses.Select((_, i) => $"c.state.status = @s{i}")) + ")";
            for (var i = 0; i < statuses.Count; i++)
            {
                parameters[$"@s{i}"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(statuses[i].ToString());
            }
        }

        if (query.Name is not null)
        {
            text += " AND c.state.name = @name";
            parameters["@name"] = query.Name;
        }

        var definition = parameters.Aggregate(new QueryDefinition(text), (d, p) => d.WithParameter(p.Key, p.Value));
        var after = ParseToken(query.ContinuationToken);
        var matching = new List<InstanceState>();
        using (var feed = store.GetItemQueryIterator<InstanceDocument>(
            definition, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(this.InstancesPartition), MaxItemCount = 1000 }))
        {
            while (feed.HasMoreResults)
            {
                foreach (var document in await feed.ReadNextAsync(cancellationToken))
                {
                    var s = document.State;
                    if ((query.CreatedFrom is null || s.CreatedAt >= query.CreatedFrom)
                        && (query.CreatedTo is null || s.CreatedAt <= query.CreatedTo)
                        && (query.InstanceIdPrefix is null || s.InstanceId.StartsWith(query.InstanceIdPrefix, StringComparison.Ordinal))
                        && (after is null || Precedes(after.Value, s)))
                    {
                        matching.Add(s);
                    }
                }
            }
        }

        // Newest first; the token is the last item's (created, id), so pages never overlap.
        var ordered = matching.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.InstanceId, StringComparer.Ordinal).Take(query.PageSize + 1).ToList();
        var page = ordered.Take(query.PageSize).ToList();
        var next = ordered.Count > query.PageSize
            ? string.Create(CultureInfo.InvariantCulture, $"{page[^1].CreatedAt.Ticks}|{page[^1].InstanceId}")
            : null;
        return new InstancePage(page, next);
    }

    public Task DeleteHistoryAsync(string instanceId, string executionId, CancellationToken cancellationToken) =>
        this.DeleteChunksAsync(
            instanceId,
            new QueryDefinition("SELECT c.id FROM c WHERE c.pk = @pk AND c.executionId = @execution")
                .WithParameter("@pk", this.HistoryPartition(instanceId))
                .WithParameter("@execution", executionId),
            cancellationToken);

    public async Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        await this.DeleteChunksAsync(
            instanceId,
            new QueryDefinition("SELECT c.id FROM c WHERE c.pk = @pk").WithParameter("@pk", this.HistoryPartition(instanceId)),
            cancellationToken);
        var store = await this.ContainerAsync(cancellationToken);
        using var deleted = await store.DeleteItemStreamAsync(instanceId, new PartitionKey(this.InstancesPartition), cancellationToken: cancellationToken);
        return deleted.IsSuccessStatusCode;
    }

    private async Task DeleteChunksAsync(string instanceId, QueryDefinition query, CancellationToken cancellationToken)
    {
        var store = await this.ContainerAsync(cancellationToken);
        var partition = new PartitionKey(this.HistoryPartition(instanceId));
        using (var feed = store.GetItemQueryIterator<IdOnly>(query, requestOptions: new QueryRequestOptions { PartitionKey = partition }))
        {
            while (feed.HasMoreResults)
            {
                foreach (var chunk in await feed.ReadNextAsync(cancellationToken))
                {
                    using var _ = await store.DeleteItemStreamAsync(chunk.Id, partition, cancellationToken: cancellationToken);
                }
            }
        }
    }

    private string HistoryPartition(string instanceId) => $"{this.hub}:{instanceId}";

    private InstanceDocument Document(InstanceState state) => new(state.InstanceId, this.InstancesPartition, InstanceKind, state);

    private static bool Precedes((long Ticks, string Id) token, InstanceState s) =>
        s.CreatedAt.Ticks < token.Ticks || (s.CreatedAt.Ticks == token.Ticks && string.CompareOrdinal(s.InstanceId, token.Id) > 0);

    private static (long Ticks, string Id)? ParseToken(string? token)
    {
        if (token is null)
        {
            return null;
        }

        var bar = token.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && long.TryParse(token.AsSpan(0, bar), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks)
            ? (ticks, token[(bar + 1)..])
            : throw new ArgumentException($"'{token}' is not a continuation token from this store");
    }

    private static async Task<InstanceState> ReadInstanceAsync(Stream content, string etag, CancellationToken cancellationToken)
    {
        var document = await JsonSerializer.DeserializeAsync<InstanceDocument>(content, TaskJson.Options, cancellationToken);
        return document!.State with { ETag = etag };
    }

    private async Task<InstanceState?> QueryInstanceAsync(Container store, string instanceId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.id = @id")
            .WithParameter("@pk", this.InstancesPartition)
            .WithParameter("@id", instanceId);
        using var feed = store.GetItemQueryStreamIterator(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(this.InstancesPartition) });
        while (feed.HasMoreResults)
        {
            using var page = await feed.ReadNextAsync(cancellationToken);
            page.EnsureSuccessStatusCode();
            using var body = await JsonDocument.ParseAsync(page.Content, cancellationToken: cancellationToken);
            foreach (var item in body.RootElement.GetProperty("Documents").EnumerateArray())
            {
                return item.Deserialize<InstanceDocument>(TaskJson.Options)!.State with { ETag = item.GetProperty("_etag").GetString() };
            }
        }

        return null;
    }

    private Task<Container> ContainerAsync(CancellationToken cancellationToken) => this.container.GetAsync(cancellationToken);

    private sealed record InstanceDocument(string Id, string Pk, string Kind, InstanceState State);

    private sealed record HistoryChunk(string Id, string Pk, string Kind, string ExecutionId, string Token, IReadOnlyList<HistoryEvent> Events);

    private sealed record IdOnly(string Id);
}
