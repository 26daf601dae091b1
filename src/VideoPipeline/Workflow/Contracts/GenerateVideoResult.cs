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

    /// <summary>What the final encode was given: every asset and placement, so the video can be assembled again (other captions, overlays).</summary>
    public AssembleVideoInput? Assembly { get; init; }
    public required IReadOnlyDictionary<string, string> Providers { get; init; }

    /// <summary>Each scene's provider choices and fallbacks, one line per decision.</summary>
    public IReadOnlyList<string> Routing { get; init; } = [];

    /// <summary>Every provider call: units, time and estimated cost (the ledger).</summary>
    public IReadOnlyList<ProviderUsage> Usage { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Wall time per stage, as the orchestration saw it.</summary>
    public IReadOnlyList<Manifest.StageTiming> Stages { get; init; } = [];
}
