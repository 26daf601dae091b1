using VideoPipeline.Domain;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Workflow.Manifest;

/// <summary>
/// Provenance of one job: what was asked, how it was planned, which providers and tool versions
/// made it, how long each stage took, and the sha256 of every output file.
/// </summary>
public sealed record JobManifest
{
    public required string JobId { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required VideoRequest Inputs { get; init; }
    public IReadOnlyDictionary<string, string> InputFiles { get; init; } = new Dictionary<string, string>();
    public string? Script { get; init; }
    public required ScenePlan ScenePlan { get; init; }
    public required IReadOnlyDictionary<string, string> Providers { get; init; }

    /// <summary>Each scene's provider choices and fallbacks.</summary>
    public IReadOnlyList<string> Routing { get; init; } = [];

    /// <summary>Every provider call (the cost and time ledger) and its totals.</summary>
    public IReadOnlyList<ProviderUsage> Usage { get; init; } = [];

    public UsageTotals? UsageTotals { get; init; }
    public required IReadOnlyDictionary<string, string> ToolVersions { get; init; }
    public required IReadOnlyList<StageTiming> Stages { get; init; }
    public required double TotalWallSeconds { get; init; }
    public required IReadOnlyDictionary<string, OutputFile> Outputs { get; init; }
    public required AssemblyResult Media { get; init; }
    public CaptionsResult? Captions { get; init; }
    public required EncodeCount Encodes { get; init; }
    public IReadOnlyList<SceneCacheEntry> Scenes { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <param name="WallSeconds">From the first task of the stage being scheduled to the last finishing.</param>
public sealed record StageTiming(string Stage, double WallSeconds, int Tasks);

public sealed record OutputFile(string File, long Bytes, string Sha256);

/// <summary>How many times each frame and each audio sample was lossy-encoded.</summary>
public sealed record EncodeCount(int Video, int Audio, string Explanation);

public sealed record SceneCacheEntry(int SceneNumber, string Clip, bool ClipFromCache, bool VoiceFromCache);
