using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Providers.Http;

namespace VideoPipeline.Providers.ComfyUI;

/// <summary>
/// ComfyUI's HTTP API (api-contracts.md §3): queue a prompt, find it in the queue, read its history,
/// stream its output, interrupt or delete it, list the node classes. A prompt lives on the server that
/// accepted it, so every call after <see cref="QueuePromptAsync"/> names that server.
/// </summary>
internal sealed class ComfyUIClient
{
    private const string Service = "ComfyUI";

    private readonly ProviderHttpPipeline http;
    private readonly ComfyUIOptions options;

    // Progress events over /ws go only to sockets with this id; kept per process so a monitor could attach.
    private readonly string clientId = $"videofunctions-{Guid.NewGuid():N}";

    public ComfyUIClient(IHttpClientFactory httpClients, IOptions<ComfyUIOptions> options, ILogger<ComfyUIClient> logger)
    {
        this.options = options.Value;
        this.http = new ProviderHttpPipeline(Service, ComfyUIOptions.Section, httpClients, this.options, logger);
    }

    /// <summary>POST /prompt. A refusal (400 with <c>error</c> and <c>node_errors</c>) is permanent and names the nodes.</summary>
    public async Task<ComfySubmission> QueuePromptAsync(JsonObject workflow, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["prompt"] = workflow.DeepClone(),
            ["client_id"] = this.clientId,
            ["prompt_id"] = Guid.NewGuid().ToString(),
        }.ToJsonString();
        using var response = await this.http.SendAsync(
            "POST /prompt", server => new HttpRequestMessage(HttpMethod.Post, new Uri(server, "prompt")) { Content = Json(body) }, cancellationToken);
        if (!response.IsSuccess)
        {
            var text = await response.Message.Content.ReadAsStringAsync(cancellationToken);
            throw new PermanentPipelineException(
                ProviderErrorCodes.Refused, $"ComfyUI refused the workflow ({response.Status}): {RefusalText(text) ?? ProviderResponse.ErrorText(text)}");
        }

        var json = await response.ReadJsonAsync(cancellationToken);
        if (RefusalText(json) is { } refusal)
        {
            throw new PermanentPipelineException(ProviderErrorCodes.Refused, $"ComfyUI refused the workflow: {refusal}");
        }

        // Older builds ignore a caller-supplied prompt_id and return their own: the answer is what counts.
        var promptId = json["prompt_id"] is JsonValue id && id.TryGetValue(out string? s) && s.Length > 0
            ? s
            : throw response.BadResponse("no prompt_id in the answer");
        return new ComfySubmission(promptId, response.Server);
    }

    /// <summary>GET /queue: whether the prompt is running, waiting (and how many go first), or in neither list.</summary>
    public async Task<ComfyQueueState> GetQueueStateAsync(Uri server, string promptId, CancellationToken cancellationToken)
    {
        using var response = await this.http.SendAsync(
            "GET /queue", s => new HttpRequestMessage(HttpMethod.Get, new Uri(s, "queue")), cancellationToken, server);
        await response.EnsureSuccessAsync(cancellationToken);
        var json = await response.ReadJsonAsync(cancellationToken);
        var running = QueueItems(json["queue_running"], response);
        if (running.Any(i => i.PromptId == promptId))
        {
            return new ComfyQueueState(ComfyQueuePhase.Running, 0);
        }

        // The server runs the lowest number first ("front" prompts get negative numbers).
        var pending = QueueItems(json["queue_pending"], response).OrderBy(i => i.Number).ToList();
        var index = pending.FindIndex(i => i.PromptId == promptId);
        return index < 0
            ? new ComfyQueueState(ComfyQueuePhase.NotQueued, 0)
            : new ComfyQueueState(ComfyQueuePhase.Pending, index + 1);
    }

    /// <summary>GET /history/{id}: null until the prompt has finished (the server answers <c>{}</c>).</summary>
    public async Task<ComfyHistoryEntry?> GetHistoryAsync(Uri server, string promptId, CancellationToken cancellationToken)
    {
        using var response = await this.http.SendAsync(
            "GET /history", s => new HttpRequestMessage(HttpMethod.Get, new Uri(s, "history/" + Uri.EscapeDataString(promptId))), cancellationToken, server);
        await response.EnsureSuccessAsync(cancellationToken);
        var json = await response.ReadJsonAsync(cancellationToken);
        if (json is not JsonObject history)
        {
            throw response.BadResponse("the history is not a JSON object");
        }

        return history[promptId] is { } entry ? ComfyHistoryEntry.Parse(entry, response.BadResponse) : null;
    }

    /// <summary>GET /view, streamed to <paramref name="outputPath"/> (never held in memory); a partial file never stays behind.</summary>
    public async Task DownloadAsync(Uri server, ComfyOutputFile file, string outputPath, CancellationToken cancellationToken)
    {
        var query = $"view?filename={Uri.EscapeDataString(file.Filename)}&subfolder={Uri.EscapeDataString(file.Subfolder)}&type={Uri.EscapeDataString(file.Type)}";
        using var response = await this.http.SendAsync(
            "GET /view", s => new HttpRequestMessage(HttpMethod.Get, new Uri(s, query)), cancellationToken, server, HttpCompletionOption.ResponseHeadersRead);
        await response.EnsureSuccessAsync(cancellationToken);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(this.options.DownloadTimeout);
        var partial = outputPath + ".part";
        try
        {
            await using (var target = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await using var source = await response.Message.Content.ReadAsStreamAsync(timeout.Token);
                await source.CopyToAsync(target, timeout.Token);
            }

            File.Move(partial, outputPath, overwrite: true);
        }
        catch (Exception e) when ((e is IOException or HttpRequestException or OperationCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            var reason = e is OperationCanceledException ? $"it took longer than {this.options.DownloadTimeout}" : e.Message;
            throw new TransientPipelineException($"ComfyUI GET /view of {file.Filename} from {server} broke off: {reason}", e);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>GET /object_info: which of <paramref name="classTypes"/> the first server that answers does not have.</summary>
    public async Task<(Uri Server, IReadOnlyList<string> Missing)> FindMissingNodesAsync(IEnumerable<string> classTypes, CancellationToken cancellationToken)
    {
        using var response = await this.http.SendAsync(
            "GET /object_info", s => new HttpRequestMessage(HttpMethod.Get, new Uri(s, "object_info")), cancellationToken);
        await response.EnsureSuccessAsync(cancellationToken);
        var json = await response.ReadJsonAsync(cancellationToken) as JsonObject ?? throw response.BadResponse("object_info is not a JSON object");
        return (response.Server, [.. classTypes.Where(c => !json.ContainsKey(c))]);
    }

    /// <summary>POST /interrupt for this prompt (builds without the prompt_id filter stop whatever runs, so call it only while ours runs).</summary>
    public async Task InterruptAsync(Uri server, string promptId, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["prompt_id"] = promptId }.ToJsonString();
        using var response = await this.http.SendAsync(
            "POST /interrupt", s => new HttpRequestMessage(HttpMethod.Post, new Uri(s, "interrupt")) { Content = Json(body) }, cancellationToken, server);
        await response.EnsureSuccessAsync(cancellationToken);
    }

    /// <summary>POST /queue {"delete":[id]}: drops the prompt if it is still waiting.</summary>
    public async Task DeleteFromQueueAsync(Uri server, string promptId, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["delete"] = new JsonArray(promptId) }.ToJsonString();
        using var response = await this.http.SendAsync(
            "POST /queue", s => new HttpRequestMessage(HttpMethod.Post, new Uri(s, "queue")) { Content = Json(body) }, cancellationToken, server);
        await response.EnsureSuccessAsync(cancellationToken);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static List<(double Number, string PromptId)> QueueItems(JsonNode? list, ProviderResponse response)
    {
        if (list is not JsonArray items)
        {
            throw response.BadResponse("queue_running/queue_pending is not a list");
        }

        return [.. items.Select(item => item is JsonArray { Count: >= 2 } a
                && a[0] is JsonValue n && n.TryGetValue(out double number)
                && a[1] is JsonValue p && p.TryGetValue(out string? id)
            ? (number, id)
            : throw response.BadResponse("a queue item is not [number, prompt_id, …]"))];
    }

    private static string? RefusalText(string body)
    {
        try
        {
            return JsonNode.Parse(body) is { } json ? RefusalText(json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // "error" says what (e.g. "Prompt outputs failed validation"); "node_errors" says where, node by node.
    private static string? RefusalText(JsonNode json)
    {
        if (json is not JsonObject answer)
        {
            return null;
        }

        var parts = new List<string>();
        if (answer["error"] is JsonObject error)
        {
            parts.Add(Text(error["message"]) ?? Text(error["type"]) ?? "error");
        }
        else if (Text(answer["error"]) is { } message)
        {
            parts.Add(message);
        }

        foreach (var (nodeId, node) in answer["node_errors"] as JsonObject ?? new JsonObject())
        {
            var reasons = (node?["errors"] as JsonArray ?? new JsonArray())
                .Select(e => string.Join(": ", new[] { Text(e?["message"]), Text(e?["details"]) }.Where(t => !string.IsNullOrWhiteSpace(t))));
            var classType = Text(node?["class_type"]);
            parts.Add($"node {nodeId}{(classType is null ? "" : $" ({classType})")}: {string.Join("; ", reasons.Where(r => r.Length > 0))}");
        }

        return parts.Count == 0 ? null : string.Join(" — ", parts);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}

internal sealed record ComfySubmission(string PromptId, Uri Server);

internal enum ComfyQueuePhase
{
    NotQueued,
    Pending,
    Running,
}

/// <summary>Where a prompt is in the queue; <see cref="Position"/> is 1 for the next to run.</summary>
internal readonly record struct ComfyQueueState(ComfyQueuePhase Phase, int Position);
