using VideoPipeline.Domain;
using VideoPipeline.Storage;

namespace VideoPipeline.Workflow.Tasks;

/// <summary>Seed 003's caption task: transcribe, then burn the captions in; <paramref name="Outputs"/> are chosen at submission.</summary>
public sealed record CaptionTaskInput(TaskRun Run, MediaSource Video, string Language, string ModelSize, CaptionStyle Style, CaptionOutputs Outputs);

/// <summary>Where a caption task writes: the burned video and both caption files.</summary>
public sealed record CaptionOutputs(AssetRef Video, AssetRef Srt, AssetRef Vtt)
{
    /// <summary>API tasks: <c>captioned/{task}/video.mp4</c>, <c>captioned/{task}/captions.srt|vtt</c>.</summary>
    public static CaptionOutputs ForTask(string taskId) => new(
        new AssetRef(AssetContainers.Captioned, AssetNames.ForTask(taskId, "video", ".mp4")),
        new AssetRef(AssetContainers.Captioned, AssetNames.ForTask(taskId, "captions", ".srt")),
        new AssetRef(AssetContainers.Captioned, AssetNames.ForTask(taskId, "captions", ".vtt")));

    /// <summary>The blob trigger: <c>captioned/{name}</c> plus <c>captioned/{stem}.srt|vtt</c>.</summary>
    public static CaptionOutputs ForBlob(string blobName)
    {
        var stem = Path.ChangeExtension(blobName, null);
        return new(
            new AssetRef(AssetContainers.Captioned, blobName),
            new AssetRef(AssetContainers.Captioned, stem + ".srt"),
            new AssetRef(AssetContainers.Captioned, stem + ".vtt"));
    }
}

/// <summary>Seed 003's merge: scenes in order, each a video with a voiceover over its own (quieter) audio.</summary>
public sealed record MergeTaskInput(TaskRun Run, IReadOnlyList<MergeScene> Scenes, FitMode Mode, double VideoVolume, double VoiceoverVolume, AssetRef Output);

public sealed record MergeScene(MediaSource Video, MediaSource Voiceover);

/// <summary>How a scene of another size fills the first scene's frame.</summary>
public enum FitMode
{
    /// <summary>Scale up and crop the overflow.</summary>
    Cover,

    /// <summary>Scale down and pad (letterbox).</summary>
    Contain,
}

/// <summary>Seed 003's background music: the music looped or cut to the video and mixed under its audio.</summary>
public sealed record BackgroundMusicTaskInput(TaskRun Run, MediaSource Video, MediaSource Music, double MusicVolume, double VideoVolume, AssetRef Output);

/// <summary>Burns captions built from a transcript into a video and writes the SRT and WebVTT beside it.</summary>
public sealed record BurnCaptionsInput(string TaskId, ImportedMedia Video, AssetRef Transcript, CaptionStyle Style, CaptionOutputs Outputs);

public sealed record BurnCaptionsResult(int Cues, double DurationSeconds);

public sealed record MergeScenesInput(string TaskId, IReadOnlyList<ImportedScene> Scenes, FitMode Mode, double VideoVolume, double VoiceoverVolume, AssetRef Output);

public sealed record ImportedScene(ImportedMedia Video, ImportedMedia Voiceover);

public sealed record MixMusicInput(string TaskId, ImportedMedia Video, ImportedMedia Music, double MusicVolume, double VideoVolume, AssetRef Output);

/// <summary>A produced file and its length in seconds.</summary>
public sealed record RenderedMedia(AssetRef Asset, double DurationSeconds);
