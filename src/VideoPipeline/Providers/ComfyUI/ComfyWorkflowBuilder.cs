using System.Text.Json.Nodes;
using VideoPipeline.Domain;
using VideoPipeline.Providers.Http;
using VideoPipeline.Providers.Routing;
using VideoPipeline.Storage;

namespace VideoPipeline.Providers.ComfyUI;

/// <summary>
/// Turns scenes into HunyuanVideo workflows (pure; no I/O): one prompt per scene for the provider, and one
/// prompt rendering a whole plan for seed 002's <c>POST /api/video/generate-workflow</c>, each with its
/// estimated GPU time (fixed seconds + coefficient × frames × steps × megapixels, coefficient by GPU).
/// </summary>
public sealed class ComfyWorkflowBuilder
{
    private readonly HunyuanVideoOptions options;
    private readonly double secondsPerUnit;

    public ComfyWorkflowBuilder(ComfyWorkflowTemplate template, HunyuanVideoOptions options)
    {
        this.Template = template;
        this.options = options;
        if (options.Steps < 1 || options.Fps < 1 || options.MaxFrames < 1 || options.MaxPixels < 256 || options.GpuFixedSeconds < 0)
        {
            throw Misconfigured("Steps, Fps and MaxFrames must be positive, MaxPixels at least 256 and GpuFixedSeconds not negative");
        }

        this.secondsPerUnit = options.GpuSecondsPerMegapixelFrameStep.TryGetValue(options.GpuProfile, out var coefficient) && coefficient >= 0
            ? coefficient
            : throw Misconfigured($"GpuProfile '{options.GpuProfile}' has no non-negative entry in GpuSecondsPerMegapixelFrameStep");
    }

    public ComfyWorkflowTemplate Template { get; }

    public ComfySceneWorkflow BuildScene(SceneClipRequest request, string filenamePrefix)
    {
        var geometry = ComfyVideoGeometry.For(request.Resolution, request.FrameCount / (double)request.Fps, this.options);
        var prompt = ScenePrompt.Build(request.Scene, request.Style);
        var workflow = this.Template.Instantiate(Values(prompt, request.Seed, geometry, this.options.Steps, filenamePrefix));
        return new ComfySceneWorkflow(workflow, prompt, geometry, this.options.Steps, this.EstimateGpuSeconds([geometry], this.options.Steps));
    }

    /// <summary>
    /// One API-format prompt that renders every scene: the loaders (nodes no parameter reaches) appear once
    /// and are shared; each scene's own nodes get ids <c>s{scene}-{id}</c> and save under <c>video/scene-NN</c>.
    /// </summary>
    public ComfyWorkflowPlan BuildPlan(IReadOnlyList<Scene> scenes, Resolution resolution, string style = "professional", int? steps = null)
    {
        var stepCount = steps ?? this.options.Steps;
        if (scenes.Count == 0 || stepCount < 1)
        {
            throw new PermanentPipelineException(ErrorCodes.InvalidInput, "a workflow needs at least one scene and at least one step");
        }

        var perScene = this.Template.ParameterDependentNodes();
        var merged = new JsonObject();
        var planned = new List<ComfyPlannedScene>();
        foreach (var scene in scenes)
        {
            var geometry = ComfyVideoGeometry.For(resolution, scene.DurationSeconds, this.options);
            var prefix = $"video/scene-{scene.SceneNumber:D2}";
            var values = Values(ScenePrompt.Build(scene, style), ContentHash.Seed(scene.Description), geometry, stepCount, prefix);
            foreach (var (id, node) in this.Template.Instantiate(values))
            {
                if (perScene.Contains(id))
                {
                    merged[SceneNodeId(scene.SceneNumber, id)] = Relink(node!, perScene, scene.SceneNumber);
                }
                else if (!merged.ContainsKey(id))
                {
                    merged[id] = node!.DeepClone();
                }
            }

            planned.Add(new ComfyPlannedScene(scene.SceneNumber, prefix, geometry));
        }

        var estimate = this.EstimateGpuSeconds(planned.Select(p => p.Geometry), stepCount);
        var workflowId = $"{this.Template.Name}-{ContentHash.Of(merged.ToJsonString())[..16]}";
        return new ComfyWorkflowPlan(workflowId, merged, (int)Math.Ceiling(estimate), planned);
    }

    /// <summary>GPU seconds for one prompt rendering <paramref name="geometries"/>.</summary>
    public double EstimateGpuSeconds(IEnumerable<ComfyVideoGeometry> geometries, int steps) =>
        this.options.GpuFixedSeconds + geometries.Sum(g => this.secondsPerUnit * g.Frames * steps * g.Megapixels);

    private static Dictionary<ComfyWorkflowParameter, JsonNode> Values(string prompt, long seed, ComfyVideoGeometry geometry, int steps, string prefix) => new()
    {
        [ComfyWorkflowParameter.Prompt] = JsonValue.Create(prompt)!,

        // RandomNoise takes 0 … 2^64-1: a negative seed would fail validation.
        [ComfyWorkflowParameter.Seed] = JsonValue.Create(seed & long.MaxValue),
        [ComfyWorkflowParameter.Frames] = JsonValue.Create(geometry.Frames),
        [ComfyWorkflowParameter.Width] = JsonValue.Create(geometry.Width),
        [ComfyWorkflowParameter.Height] = JsonValue.Create(geometry.Height),
        [ComfyWorkflowParameter.Steps] = JsonValue.Create(steps),
        [ComfyWorkflowParameter.Fps] = JsonValue.Create(geometry.Fps),
        [ComfyWorkflowParameter.FilenamePrefix] = JsonValue.Create(prefix)!,
    };

    private static string SceneNodeId(int sceneNumber, string id) => $"s{sceneNumber}-{id}";

    private static JsonNode Relink(JsonNode node, IReadOnlySet<string> perScene, int sceneNumber)
    {
        var copy = node.DeepClone();
        var inputs = copy["inputs"]!.AsObject();
        foreach (var (name, value) in inputs.ToList())
        {
            if (ComfyWorkflowTemplate.LinkTarget(value) is { } target && perScene.Contains(target))
            {
                inputs[name] = new JsonArray(SceneNodeId(sceneNumber, target), value![1]!.DeepClone());
            }
        }

        return copy;
    }

    private static PermanentPipelineException Misconfigured(string reason) =>
        new(ProviderErrorCodes.Misconfigured, $"{HunyuanVideoOptions.Section} options are unusable: {reason}");
}

/// <summary>One scene's prompt, ready for POST /prompt, with what was rendered and its estimated GPU seconds.</summary>
public sealed record ComfySceneWorkflow(JsonObject Workflow, string Prompt, ComfyVideoGeometry Geometry, int Steps, double EstimatedGpuSeconds);

/// <summary>Seed 002's generate-workflow answer: <c>{workflow_id, workflow_json, estimated_gpu_time}</c> (seconds), plus each scene's shape.</summary>
public sealed record ComfyWorkflowPlan(string WorkflowId, JsonObject WorkflowJson, int EstimatedGpuTime, IReadOnlyList<ComfyPlannedScene> Scenes);

public sealed record ComfyPlannedScene(int SceneNumber, string OutputPrefix, ComfyVideoGeometry Geometry);
