using VideoPipeline.Domain;

namespace VideoPipeline.Workflow.Contracts;

/// <summary>Everything a job produced, as references, plus what the manifest needs to explain it.</summary>
public sealed record GenerateVideoResult
{
    public required string JobId { get; init; }
    public required ScenePlan Plan { get; init; }
    public string? Script { get; init; }
    public required IReadOnlyList<SceneClipResult> Clips { get; init; }
    public required IReadOnlyList<VoiceoverResult> Voiceovers { get; init; }
    public required MusicResult Music { get; init; }
    public CaptionsResult? Captions { get; init; }
    public required EditDecisionList Edits { get; init; }
    public required AssemblyResult Final { get; init; }
    public required IReadOnlyDictionary<string, string> Providers { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
