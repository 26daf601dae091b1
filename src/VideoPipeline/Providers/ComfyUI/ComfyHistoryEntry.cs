using System.Globalization;
using System.Text.Json.Nodes;

namespace VideoPipeline.Providers.ComfyUI;

/// <summary>One finished prompt from <c>GET /history/{prompt_id}</c>: its output files, its error, and when it ran.</summary>
internal sealed record ComfyHistoryEntry(
    IReadOnlyList<ComfyOutputFile> Files,
    string? Error,
    bool Interrupted,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt)
{
    private static readonly string[] VideoExtensions = [".mp4", ".webm", ".mov", ".mkv", ".gif"];

    public bool Succeeded => this.Error is null && !this.Interrupted;

    /// <summary>The video the workflow saved: from <paramref name="outputNode"/> when it saved one, else the first video of any node.</summary>
    public ComfyOutputFile? Video(string? outputNode)
    {
        var videos = this.Files.Where(f => VideoExtensions.Contains(Path.GetExtension(f.Filename), StringComparer.OrdinalIgnoreCase)).ToList();
        return videos.FirstOrDefault(f => f.NodeId == outputNode) ?? videos.FirstOrDefault();
    }

    /// <param name="bad">Makes the error for an entry that does not follow the contract.</param>
    public static ComfyHistoryEntry Parse(JsonNode entry, Func<string, Exception> bad)
    {
        if (entry is not JsonObject)
        {
            throw bad("the history entry is not an object");
        }

        var files = new List<ComfyOutputFile>();
        if (entry["outputs"] is JsonObject outputs)
        {
            // SaveVideo lists its file under "images" (with "animated"), VideoHelperSuite under "gifs": read every list.
            foreach (var (nodeId, ui) in outputs)
            {
                foreach (var item in (ui as JsonObject ?? new JsonObject()).Select(p => p.Value).OfType<JsonArray>().SelectMany(a => a).OfType<JsonObject>())
                {
                    if (Text(item["filename"]) is { Length: > 0 } filename)
                    {
                        files.Add(new ComfyOutputFile(nodeId, filename, Text(item["subfolder"]) ?? "", Text(item["type"]) ?? "output"));
                    }
                }
            }
        }

        var status = entry["status"] as JsonObject;
        var messages = (status?["messages"] as JsonArray ?? new JsonArray())
            .OfType<JsonArray>()
            .Where(m => m.Count >= 2 && Text(m[0]) is not null)
            .Select(m => (Event: Text(m[0])!, Data: m[1] as JsonObject))
            .ToList();
        var interrupted = messages.Any(m => m.Event == "execution_interrupted");
        var error = messages.Where(m => m.Event == "execution_error").Select(m => ErrorText(m.Data)).FirstOrDefault();
        if (error is null && !interrupted && Text(status?["status_str"]) == "error")
        {
            error = "ComfyUI reported status \"error\" without an execution_error message";
        }

        var started = messages.Where(m => m.Event == "execution_start").Select(m => Timestamp(m.Data)).FirstOrDefault(t => t is not null);
        var ended = messages.Where(m => m.Event is "execution_success" or "execution_error" or "execution_interrupted")
            .Select(m => Timestamp(m.Data)).LastOrDefault(t => t is not null);
        return new ComfyHistoryEntry(files, error, interrupted, started, ended);
    }

    private static string ErrorText(JsonObject? data)
    {
        var node = Text(data?["node_id"]);
        var type = Text(data?["node_type"]);
        var exception = Text(data?["exception_type"]);
        var message = Text(data?["exception_message"])?.Trim();
        var where = node is null ? "the workflow" : type is null ? $"node {node}" : $"node {node} ({type})";
        var what = exception is null ? message : message is null ? exception : $"{exception}: {message}";
        return $"{where} failed: {what ?? "no message"}";
    }

    // Newer builds stamp every status message with milliseconds since the epoch.
    private static DateTimeOffset? Timestamp(JsonObject? data) =>
        data?["timestamp"] is JsonValue value && value.TryGetValue(out double ms) ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : null;

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonValue v when v.TryGetValue(out double d) => d.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}

/// <summary>A file a node saved, addressed as <c>/view</c> wants it.</summary>
internal sealed record ComfyOutputFile(string NodeId, string Filename, string Subfolder, string Type);
