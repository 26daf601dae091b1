using VideoPipeline.Domain;
using VideoPipeline.Storage;

namespace VideoPipeline.Workflow.Contracts;

public sealed record BuildCaptionsInput(
    string JobId,
    IReadOnlyList<NarrationTrack> Tracks,
    CaptionStyle Style,
    double VideoDuration,
    Resolution Resolution);

/// <summary>One scene's narration: the text as written, where its audio starts, and what STT heard.</summary>
public sealed record NarrationTrack(int SceneNumber, string Text, double Start, double AudioDuration, AssetRef Transcript);

/// <param name="MatchedRatio">Share of narration words the recognizer heard exactly: the caption timing confidence.</param>
public sealed record CaptionsResult(AssetRef Srt, AssetRef Vtt, AssetRef Ass, int CueCount, double MatchedRatio);
