namespace VideoPipeline.Domain;

/// <summary>Seed 002's plan-scenes response, plus the narration line for each scene.</summary>
public sealed record ScenePlan
{
    public required IReadOnlyList<Scene> Scenes { get; init; }

    /// <summary>Which planner produced this plan (for the manifest).</summary>
    public string Planner { get; init; } = "";

    /// <summary>Overlays the planner suggests when the request brings none (e.g. a call to action).</summary>
    public IReadOnlyList<EditingInstruction> SuggestedOverlays { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>What planning cost (an LLM's tokens); empty for the rule planner.</summary>
    public IReadOnlyList<ProviderUsage> Usage { get; init; } = [];

    public double TotalDurationSeconds => Scenes.Sum(s => s.DurationSeconds);

    /// <summary>Start of a scene on the final timeline, in seconds.</summary>
    public double StartOf(int sceneNumber) =>
        Scenes.TakeWhile(s => s.SceneNumber != sceneNumber).Sum(s => s.DurationSeconds);
}

public sealed record Scene
{
    public required int SceneNumber { get; init; }
    public required string Description { get; init; }
    public required double DurationSeconds { get; init; }
    public IReadOnlyList<SceneEntity> Entities { get; init; } = [];
    public VisualStyle VisualStyle { get; init; } = new();

    /// <summary>What the voice says over this scene. May be empty.</summary>
    public string Narration { get; init; } = "";
}

public sealed record SceneEntity(string Type, string Position, string Action);

public sealed record VisualStyle
{
    public string Lighting { get; init; } = "neutral";
    public string ColorPalette { get; init; } = "neutral";
}
