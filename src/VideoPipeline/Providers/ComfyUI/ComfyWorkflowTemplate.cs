using System.Text.Json;
using System.Text.Json.Nodes;
using VideoPipeline.Domain;
using VideoPipeline.Providers.Http;

namespace VideoPipeline.Providers.ComfyUI;

/// <summary>
/// An API-format ComfyUI workflow (<c>{node_id: {class_type, inputs}}</c>) and the node inputs that
/// receive each parameter. Parameters are set on a copy by node id and input name; the template text is
/// never edited as a string. The mapping is checked when the template is loaded.
/// </summary>
public sealed class ComfyWorkflowTemplate
{
    public const string EmbeddedHunyuanVideo = "VideoPipeline.Providers.ComfyUI.Workflows.hunyuan_video_t2v.api.json";

    private readonly JsonObject nodes;

    private ComfyWorkflowTemplate(string name, JsonObject nodes, IReadOnlyDictionary<ComfyWorkflowParameter, ComfyNodeInput> inputs)
    {
        this.Name = name;
        this.nodes = nodes;
        this.Inputs = inputs;
        this.ClassTypes = [.. nodes.Select(n => ClassType(n.Value)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public string Name { get; }

    public IReadOnlyDictionary<ComfyWorkflowParameter, ComfyNodeInput> Inputs { get; }

    /// <summary>Every node class the workflow uses; each must exist on the server (<c>/object_info</c>).</summary>
    public IReadOnlyList<string> ClassTypes { get; }

    public IEnumerable<string> NodeIds => this.nodes.Select(n => n.Key);

    /// <summary>The template named by <see cref="HunyuanVideoOptions.TemplatePath"/>, or the shipped one.</summary>
    public static ComfyWorkflowTemplate Load(HunyuanVideoOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.TemplatePath))
        {
            return Parse(Path.GetFileName(options.TemplatePath), File.ReadAllText(options.TemplatePath), options.Inputs);
        }

        using var stream = typeof(ComfyWorkflowTemplate).Assembly.GetManifestResourceStream(EmbeddedHunyuanVideo)
            ?? throw new InvalidOperationException($"the embedded workflow {EmbeddedHunyuanVideo} is missing from the build");
        using var reader = new StreamReader(stream);
        return Parse("hunyuan_video_t2v", reader.ReadToEnd(), options.Inputs);
    }

    public static ComfyWorkflowTemplate Parse(string name, string json, IReadOnlyDictionary<ComfyWorkflowParameter, ComfyNodeInput> inputs)
    {
        JsonObject nodes;
        try
        {
            nodes = JsonNode.Parse(json) as JsonObject ?? throw Invalid(name, "it is not a JSON object of nodes");
        }
        catch (JsonException e)
        {
            throw Invalid(name, $"it is not valid JSON ({e.Message})");
        }

        foreach (var (id, node) in nodes)
        {
            if (node is not JsonObject n || n["class_type"] is not JsonValue type || !type.TryGetValue<string>(out _) || n["inputs"] is not JsonObject)
            {
                throw Invalid(name, $"node {id} has no class_type and inputs (is it the UI format? export it with \"Save (API)\")");
            }
        }

        var missing = Enum.GetValues<ComfyWorkflowParameter>().Where(p => !inputs.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw Invalid(name, $"no node input is mapped for {string.Join(", ", missing)}");
        }

        foreach (var (parameter, input) in inputs)
        {
            if (nodes[input.NodeId]?["inputs"] is not JsonObject nodeInputs || !nodeInputs.ContainsKey(input.Input))
            {
                throw Invalid(name, $"{parameter} is mapped to {input}, which the template does not have");
            }
        }

        return new ComfyWorkflowTemplate(name, nodes, inputs.ToDictionary());
    }

    /// <summary>A copy of the workflow with every parameter set at its mapped node input.</summary>
    public JsonObject Instantiate(IReadOnlyDictionary<ComfyWorkflowParameter, JsonNode> values)
    {
        var workflow = (JsonObject)this.nodes.DeepClone();
        foreach (var (parameter, value) in values)
        {
            var input = this.Inputs[parameter];
            workflow[input.NodeId]!["inputs"]![input.Input] = value.DeepClone();
        }

        return workflow;
    }

    /// <summary>The mapped nodes and every node downstream of them: what differs from one scene to the next.</summary>
    public IReadOnlySet<string> ParameterDependentNodes()
    {
        var dependent = this.Inputs.Values.Select(i => i.NodeId).ToHashSet(StringComparer.Ordinal);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (id, node) in this.nodes)
            {
                if (!dependent.Contains(id) && node!["inputs"]!.AsObject().Any(i => LinkTarget(i.Value) is { } target && dependent.Contains(target)))
                {
                    changed = dependent.Add(id);
                }
            }
        }

        return dependent;
    }

    /// <summary>The node an input is wired to (<c>[node_id, output_index]</c>), or null for a literal value.</summary>
    public static string? LinkTarget(JsonNode? value) =>
        value is JsonArray { Count: 2 } link
        && link[0] is JsonValue id && id.TryGetValue(out string? target)
        && link[1] is JsonValue index && index.TryGetValue(out int _)
            ? target
            : null;

    internal static string ClassType(JsonNode? node) => node?["class_type"]?.GetValue<string>() ?? "";

    private static PermanentPipelineException Invalid(string name, string reason) =>
        new(ProviderErrorCodes.Misconfigured, $"ComfyUI workflow template '{name}' is unusable: {reason}");
}
