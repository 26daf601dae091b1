using VideoPipeline.Domain;

namespace VideoPipeline.Media.Assembly;

/// <summary>Everything the final encode needs, with local file paths. Built by the AssembleVideo activity.</summary>
public sealed record AssemblySpec
{
    public required Resolution Resolution { get; init; }
    public required int Fps { get; init; }
    public required double DurationSeconds { get; init; }
    public FitMode Fit { get; init; } = FitMode.Cover;
    public required IReadOnlyList<AssemblyClip> Clips { get; init; }
    public IReadOnlyList<AssemblyVoice> Voices { get; init; } = [];

    /// <summary>Looped to the video's length and faded out; null for no music.</summary>
    public string? MusicPath { get; init; }

    public IReadOnlyList<AssemblyOverlay> Overlays { get; init; } = [];

    /// <summary>An ASS file burned in with libass; null for no captions.</summary>
    public string? CaptionsPath { get; init; }

    /// <summary>The overlays laid out as an ASS file (<see cref="OverlayLayout"/>); null for none.</summary>
    public string? OverlaysPath { get; init; }

    /// <summary>Colour emoji of the captions and overlays, overlaid as images after libass.</summary>
    public IReadOnlyList<Text.EmojiSprite> Sprites { get; init; } = [];
}

/// <param name="FrameCount">Frames this clip fills; shorter clips hold their last frame, longer ones are cut.</param>
public sealed record AssemblyClip(string Path, double Start, int FrameCount, bool HasAudio);

public sealed record AssemblyVoice(string Path, double Start);

/// <param name="Position">top, center or bottom.</param>
public sealed record AssemblyOverlay(string Text, double Start, double End, string Position);
