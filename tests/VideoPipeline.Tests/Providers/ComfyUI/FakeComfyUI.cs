using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Providers.ComfyUI;

/// <summary>
/// ComfyUI's HTTP contract (api-contracts.md §3) over a real loopback server: prompts are validated
/// (node classes, a maximum latent length), queued, and moved by the test to running, finished (the
/// saved file served by /view) or failed, the way the server's history reports them.
/// </summary>
internal sealed class FakeComfyUI : IAsyncDisposable
{
    public static readonly string[] HunyuanClasses =
    [
        "BasicGuider", "BasicScheduler", "CLIPTextEncode", "CreateVideo", "DualCLIPLoader", "EmptyHunyuanLatentVideo", "FluxGuidance",
        "KSamplerSelect", "ModelSamplingSD3", "RandomNoise", "SamplerCustomAdvanced", "SaveVideo", "UNETLoader", "VAEDecodeTiled", "VAELoader",
    ];

    private readonly object gate = new();
    private readonly List<(double Number, string Id, JsonObject Prompt)> pending = [];
    private readonly Dictionary<string, JsonObject> history = [];
    private readonly TempDirectory output = new();
    private (string Id, JsonObject Prompt, long StartedMs)? running;
    private int counter;

    private FakeComfyUI()
    {
    }

    public ContractServer Server { get; private set; } = null!;

    public Uri BaseUrl => this.Server.BaseUrl;

    public HashSet<string> NodeClasses { get; } = [.. HunyuanClasses];

    /// <summary>EmptyHunyuanLatentVideo's max length, as /object_info would say; longer prompts fail validation.</summary>
    public int MaxLength { get; set; } = 257;

    public JsonObject? LastPrompt { get; private set; }

    public static async Task<FakeComfyUI> StartAsync()
    {
        var fake = new FakeComfyUI();
        fake.Server = await ContractServer.StartAsync(fake.Map);
        return fake;
    }

    /// <summary>Another prompt (someone else's) queued ahead.</summary>
    public void QueueForeign(string id) => this.Enqueue(id, new JsonObject());

    public void Start(string id)
    {
        lock (this.gate)
        {
            var item = this.pending.Single(p => p.Id == id);
            this.pending.Remove(item);
            this.running = (id, item.Prompt, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>Finishes the running prompt as SaveVideo would: the file under output/video, listed under "images" with "animated".</summary>
    public void Succeed(string id, string videoFile, double gpuSeconds = 3.5)
    {
        var name = $"hunyuan_{++this.counter:D5}_.mp4";
        Directory.CreateDirectory(Path.Combine(this.output.Path, "video"));
        File.Copy(videoFile, Path.Combine(this.output.Path, "video", name));
        this.Finish(id, "execution_success", new JsonObject(), gpuSeconds, new JsonObject
        {
            ["75"] = new JsonObject
            {
                ["images"] = new JsonArray(new JsonObject { ["filename"] = name, ["subfolder"] = "video", ["type"] = "output" }),
                ["animated"] = new JsonArray(true),
            },
        });
    }

    public void FailExecution(string id, string nodeId, string nodeType, string exceptionType, string message) =>
        this.Finish(id, "execution_error", new JsonObject
        {
            ["node_id"] = nodeId,
            ["node_type"] = nodeType,
            ["exception_type"] = exceptionType,
            ["exception_message"] = message,
            ["traceback"] = new JsonArray("  File \"execution.py\", line 1"),
        }, 2, new JsonObject());

    public string PendingId(int index)
    {
        lock (this.gate)
        {
            return this.pending[index].Id;
        }
    }

    public ValueTask DisposeAsync()
    {
        this.output.Dispose();
        return this.Server.DisposeAsync();
    }

    private void Finish(string id, string endEvent, JsonObject endData, double gpuSeconds, JsonObject outputs)
    {
        lock (this.gate)
        {
            if (this.running?.Id != id)
            {
                this.Start(id);
            }

            var started = this.running!.Value.StartedMs;
            endData["prompt_id"] = id;
            endData["timestamp"] = started + (long)(gpuSeconds * 1000);
            this.history[id] = new JsonObject
            {
                ["prompt"] = new JsonArray(1, id, this.running.Value.Prompt.DeepClone(), new JsonObject(), new JsonArray("75")),
                ["outputs"] = outputs,
                ["status"] = new JsonObject
                {
                    ["status_str"] = endEvent == "execution_success" ? "success" : "error",
                    ["completed"] = endEvent == "execution_success",
                    ["messages"] = new JsonArray(
                        new JsonArray("execution_start", new JsonObject { ["prompt_id"] = id, ["timestamp"] = started }),
                        new JsonArray("execution_cached", new JsonObject { ["nodes"] = new JsonArray(), ["prompt_id"] = id, ["timestamp"] = started }),
                        new JsonArray(endEvent, endData)),
                },
                ["meta"] = new JsonObject(),
            };
            this.running = null;
        }
    }

    private void Enqueue(string id, JsonObject prompt)
    {
        lock (this.gate)
        {
            this.pending.Add((++this.counter, id, prompt));
        }
    }

    private void Map(WebApplication app)
    {
        app.MapPost("/prompt", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var prompt = body["prompt"]!.AsObject();
            this.LastPrompt = prompt;
            if (this.Validate(prompt) is { } refusal)
            {
                return Results.Json(refusal, statusCode: 400);
            }

            var id = body["prompt_id"]?.GetValue<string>() ?? Guid.NewGuid().ToString();
            this.Enqueue(id, prompt);
            return Results.Json(new JsonObject { ["prompt_id"] = id, ["number"] = this.counter, ["node_errors"] = new JsonObject() });
        });
        app.MapGet("/queue", () =>
        {
            lock (this.gate)
            {
                var running = new JsonArray();
                if (this.running is { } r)
                {
                    running.Add(new JsonArray(0, r.Id, r.Prompt.DeepClone(), new JsonObject(), new JsonArray("75")));
                }

                // The server keeps a heap, not a sorted list: the order here is deliberately not the run order.
                var waiting = new JsonArray([.. this.pending.AsEnumerable().Reverse()
                    .Select(p => (JsonNode)new JsonArray(p.Number, p.Id, p.Prompt.DeepClone(), new JsonObject(), new JsonArray("75")))]);
                return Results.Json(new JsonObject { ["queue_running"] = running, ["queue_pending"] = waiting });
            }
        });
        app.MapPost("/queue", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!;
            lock (this.gate)
            {
                foreach (var id in body["delete"]?.AsArray().Select(n => n!.GetValue<string>()) ?? [])
                {
                    this.pending.RemoveAll(p => p.Id == id);
                }
            }

            return Results.Ok();
        });
        app.MapPost("/interrupt", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var target = body.Length > 0 ? JsonNode.Parse(body)?["prompt_id"]?.GetValue<string>() : null;
            lock (this.gate)
            {
                if (this.running is { } r && (target is null || target == r.Id))
                {
                    this.Finish(r.Id, "execution_interrupted", new JsonObject { ["node_id"] = "13", ["node_type"] = "SamplerCustomAdvanced", ["executed"] = new JsonArray() }, 1, new JsonObject());
                }
            }

            return Results.Ok();
        });
        app.MapGet("/history/{id}", (string id) =>
        {
            lock (this.gate)
            {
                return Results.Json(this.history.TryGetValue(id, out var entry) ? new JsonObject { [id] = entry.DeepClone() } : new JsonObject());
            }
        });
        app.MapGet("/view", (string filename, string? subfolder, string? type) =>
        {
            if (filename.StartsWith('/') || filename.Contains("..", StringComparison.Ordinal) || (type ?? "output") != "output")
            {
                return Results.BadRequest();
            }

            var path = Path.Combine(this.output.Path, subfolder ?? "", filename);
            return File.Exists(path) ? Results.File(path, "video/mp4", filename) : Results.NotFound();
        });
        app.MapGet("/object_info", () => Results.Json(new JsonObject(this.NodeClasses.Select(c => KeyValuePair.Create(c, (JsonNode?)new JsonObject
        {
            ["input"] = new JsonObject { ["required"] = new JsonObject() },
            ["output"] = new JsonArray(),
            ["name"] = c,
        })))));
    }

    // The checks ComfyUI's validate_prompt makes that the tests need: known classes, and the latent's length limit.
    private JsonObject? Validate(JsonObject prompt)
    {
        var nodeErrors = new JsonObject();
        foreach (var (id, node) in prompt)
        {
            var type = node!["class_type"]!.GetValue<string>();
            if (!this.NodeClasses.Contains(type))
            {
                return new JsonObject
                {
                    ["error"] = new JsonObject
                    {
                        ["type"] = "invalid_prompt",
                        ["message"] = $"Cannot execute because node {type} does not exist.",
                        ["details"] = $"Node ID '#{id}'",
                        ["extra_info"] = new JsonObject(),
                    },
                    ["node_errors"] = new JsonObject(),
                };
            }

            if (type == "EmptyHunyuanLatentVideo" && node["inputs"]!["length"]!.GetValue<int>() is var length && length > this.MaxLength)
            {
                nodeErrors[id] = new JsonObject
                {
                    ["errors"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "value_bigger_than_max",
                        ["message"] = $"Value {length} bigger than max of {this.MaxLength}",
                        ["details"] = "length",
                        ["extra_info"] = new JsonObject { ["input_name"] = "length", ["received_value"] = length },
                    }),
                    ["dependent_outputs"] = new JsonArray("75"),
                    ["class_type"] = type,
                };
            }
        }

        return nodeErrors.Count == 0 ? null : new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["type"] = "prompt_outputs_failed_validation",
                ["message"] = "Prompt outputs failed validation",
                ["details"] = "",
                ["extra_info"] = new JsonObject(),
            },
            ["node_errors"] = nodeErrors,
        };
    }
}
