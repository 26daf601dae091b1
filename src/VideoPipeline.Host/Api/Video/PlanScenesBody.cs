namespace VideoPipeline.Host.Api.Video;

/// <summary><c>POST /api/video/plan-scenes</c> (seed 002): a script and a length; prompt and style optional.</summary>
public sealed record PlanScenesBody
{
    /// <summary>The full script, narrated as written.</summary>
    public string? Script { get; init; }

    /// <summary>What the video is about; the script when absent.</summary>
    public string? Prompt { get; init; }

    public double? DurationSeconds { get; init; }

    public string? Style { get; init; }

    /// <summary>Free-form hints passed to the planner, e.g. {"lighting": "warm"}.</summary>
    public Dictionary<string, string>? StylePreferences { get; init; }
}

/// <summary><c>POST /api/video/generate-workflow</c> (seed 002): scenes as plan-scenes returns them.</summary>
public sealed record GenerateWorkflowBody
{
    public IReadOnlyList<SceneBody>? Scenes { get; init; }

    /// <summary>The workflow template; the configured HunyuanVideo template when absent.</summary>
    public string? TemplateId { get; init; }

    public WorkflowParametersBody? Parameters { get; init; }
}

public sealed record SceneBody
{
    public int? SceneNumber { get; init; }

    public string? Description { get; init; }

    public double? DurationSeconds { get; init; }

    public IReadOnlyList<SceneEntityBody>? Entities { get; init; }

    public VisualStyleBody? VisualStyle { get; init; }

    public string? Narration { get; init; }
}

public sealed record SceneEntityBody(string? Type, string? Position, string? Action);

public sealed record VisualStyleBody(string? Lighting, string? ColorPalette);

/// <summary>What the workflow renders at: resolution (or aspect_ratio), style and sampler steps.</summary>
public sealed record WorkflowParametersBody
{
    public string? Resolution { get; init; }

    public string? Style { get; init; }

    public int? Steps { get; init; }
}

/// <summary>Seed 002's generate-workflow answer.</summary>
public sealed record GenerateWorkflowResult(string WorkflowId, System.Text.Json.Nodes.JsonObject WorkflowJson, int EstimatedGpuTime, string TemplateId);
