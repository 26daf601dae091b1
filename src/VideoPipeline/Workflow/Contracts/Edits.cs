using VideoPipeline.Domain;
using VideoPipeline.Storage;

namespace VideoPipeline.Workflow.Contracts;

public sealed record ApplySceneEditsInput(
    IReadOnlyList<TimelineClip> Clips,
    IReadOnlyList<EditingInstruction> Instructions,
    double DurationSeconds,
    Resolution Resolution,
    FitMode Fit,
    int Fps);

/// <summary>A generated clip and the slot it fills on the final timeline.</summary>
public sealed record TimelineClip(SceneClipResult Clip, double Start, int FrameCount);

/// <summary>
/// The edit decision list: what the single final encode does. Edits are decided here and applied
/// in assembly's one filter graph, so they cost no extra encode.
/// </summary>
public sealed record EditDecisionList(IReadOnlyList<EditedScene> Scenes, IReadOnlyList<TextOverlay> Overlays, IReadOnlyList<string> Warnings);

public sealed record EditedScene(int SceneNumber, AssetRef Clip, double Start, int FrameCount, bool HasAudio, int SourceWidth, int SourceHeight)
{
    /// <summary>The clip has the storyboard's scene title in the centre band, so overlays move out of it.</summary>
    public bool TitleInCenter { get; init; }
}

public sealed record TextOverlay(string Text, double Start, double End, string Position);
