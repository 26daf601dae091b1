using VideoPipeline.Domain;
using VideoPipeline.Storage;

namespace VideoPipeline.Workflow.Contracts;

public sealed record AssembleVideoInput(
    string JobId,
    EditDecisionList Edits,
    IReadOnlyList<PlacedAudio> Voiceovers,
    MusicResult Music,
    AssetRef? Captions,
    Resolution Resolution,
    int Fps,
    double DurationSeconds,
    FitMode Fit)
{
    /// <summary>Where the encode's own progress shows in the job's status; null: not reported.</summary>
    public Jobs.JobProgressTarget? Progress { get; init; }
}

public sealed record PlacedAudio(AssetRef Audio, double Start);

/// <param name="AudioTrack">The final, loudness-normalized mix on its own (seed 002's audio_track).</param>
/// <param name="IntegratedLoudness">LUFS of the final mix as measured by the normalizer's second pass.</param>
public sealed record AssemblyResult(
    AssetRef Video,
    AssetRef Thumbnail,
    AssetRef AudioTrack,
    double DurationSeconds,
    double IntegratedLoudness,
    string VideoCodec,
    string AudioCodec,
    int Width,
    int Height);
