using VideoPipeline.Media.Probing;
using VideoPipeline.Storage;

namespace VideoPipeline.Workflow.Tasks;

/// <summary>What ffprobe said about an imported input, so later steps plan without probing again.</summary>
public sealed record MediaFacts(
    double DurationSeconds,
    bool HasVideo,
    bool HasAudio,
    int Width,
    int Height,
    double FrameRate,
    string VideoCodec,
    string AudioCodec)
{
    public static MediaFacts From(MediaInfo info) => new(
        info.DurationSeconds ?? info.Video?.DurationSeconds ?? info.Audio?.DurationSeconds ?? 0,
        info.HasVideo,
        info.HasAudio,
        info.Video?.Width ?? 0,
        info.Video?.Height ?? 0,
        info.Video?.FrameRate ?? 0,
        info.Video?.CodecName ?? string.Empty,
        info.Audio?.CodecName ?? string.Empty);
}

/// <param name="Slot">Names the stored copy of a fetched URL, e.g. "video" or "scene-2-voiceover".</param>
/// <param name="Field">The request field, for error messages ("scenes[1].voiceover_url").</param>
public sealed record ImportMediaInput(string TaskId, string Slot, string Field, MediaSource Source, MediaKind Kind);

/// <summary>An input in the asset store, checked to be the kind of media the task needs.</summary>
public sealed record ImportedMedia(AssetRef Asset, MediaFacts Facts);
