using VideoPipeline.Domain;

namespace VideoPipeline.Providers;

/// <summary>Turns a prompt (or a script) into scenes whose durations sum exactly to the request.</summary>
public interface IScenePlanner
{
    string Name { get; }

    Task<ScenePlan> PlanAsync(PlanRequest request, CancellationToken cancellationToken);
}

public sealed record PlanRequest
{
    /// <summary>What the video is about.</summary>
    public required string Prompt { get; init; }

    /// <summary>A script to narrate as written; when null the planner writes the narration.</summary>
    public string? Script { get; init; }

    public required double DurationSeconds { get; init; }
    public string Style { get; init; } = "professional";
    public IReadOnlyDictionary<string, string> StylePreferences { get; init; } = new Dictionary<string, string>();
}
