using System.Net;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Storage.Cosmos;

/// <summary>
/// Point reads that tell "missing" from "broken" on Azure and on the local Cosmos DB server alike, and the
/// ETag-guarded read-modify-write loop. Items use the task store's JSON shape (the client's serializer).
/// </summary>
internal static class CosmosItems
{
    /// <summary>The item (read with the task store's JSON shape) and its ETag; null when there is none.</summary>
    /// <param name="partitionKeyPath">The partition key's property name, e.g. <c>ownerId</c>.</param>
    public static async Task<(T Item, string ETag)?> ReadOrNullAsync<T>(
        this Container container, string id, string partitionKeyPath, string partitionKey, CancellationToken cancellationToken)
        where T : class
    {
        using (var response = await container.ReadItemStreamAsync(id, new PartitionKey(partitionKey), cancellationToken: cancellationToken))
        {
            if (response.IsSuccessStatusCode)
            {
                var item = await JsonSerializer.DeserializeAsync<T>(response.Content, TaskJson.Options, cancellationToken);
                return (item!, response.Headers.ETag);
            }

            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            // The local Cosmos DB server answers a point read of a missing item with 500 instead of 404.
            if (response.StatusCode != HttpStatusCode.InternalServerError)
            {
                response.EnsureSuccessStatusCode();
            }
        }

        // A single-partition query (the key in the WHERE text, as that server requires) tells which it was.
        var query = new QueryDefinition($"SELECT * FROM c WHERE c.{partitionKeyPath} = @pk AND c.id = @id")
            .WithParameter("@pk", partitionKey)
            .WithParameter("@id", id);
        var found = await container.QueryPartitionAsync(query, partitionKey, d => (Item: d.Deserialize<T>(TaskJson.Options)!, ETag: d.GetProperty("_etag").GetString()!), cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>
    /// Every result of a query within one partition (the key must also be in its WHERE text, as the local server
    /// requires), each read from its JSON document by <paramref name="read"/>.
    /// </summary>
    public static async Task<List<TResult>> QueryPartitionAsync<TResult>(
        this Container container, QueryDefinition query, string partitionKey, Func<JsonElement, TResult> read, CancellationToken cancellationToken)
    {
        var results = new List<TResult>();
        using var feed = container.GetItemQueryStreamIterator(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(partitionKey) });
        while (feed.HasMoreResults)
        {
            using var page = await feed.ReadNextAsync(cancellationToken);
            page.EnsureSuccessStatusCode();
            using var body = await JsonDocument.ParseAsync(page.Content, cancellationToken: cancellationToken);
            results.AddRange(body.RootElement.GetProperty("Documents").EnumerateArray().Select(read));
        }

        return results;
    }

    /// <summary>
    /// Reads the item, applies <paramref name="change"/> and replaces it if nobody wrote in between (its ETag);
    /// on 412 reads and applies again. <paramref name="change"/> returns null to leave the item as it is.
    /// </summary>
    /// <returns>The item as stored afterwards; null when there is no such item.</returns>
    public static async Task<T?> ChangeAsync<T>(
        this Container container, string id, string partitionKeyPath, string partitionKey, Func<T, T?> change, CancellationToken cancellationToken)
        where T : class
    {
        const int MaxAttempts = 50;
        for (var attempt = 1; ; attempt++)
        {
            if (await container.ReadOrNullAsync<T>(id, partitionKeyPath, partitionKey, cancellationToken) is not { } current)
            {
                return null;
            }

            if (change(current.Item) is not { } next)
            {
                return current.Item;
            }

            try
            {
                var response = await container.ReplaceItemAsync(
                    next, id, new PartitionKey(partitionKey), new ItemRequestOptions { IfMatchEtag = current.ETag }, cancellationToken);
                return response.Resource;
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed && attempt < MaxAttempts)
            {
                // A short random pause spreads out writers that collided.
                await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 20)), cancellationToken);
            }
        }
    }
}
