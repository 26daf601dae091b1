using System.Globalization;
using System.Text.Json;
using FFMpegCore;

namespace VideoPipeline.Media.Probing;

/// <summary>FFMpegCore's analysis as the project's <see cref="MediaInfo"/>: every stream in ffprobe's order, unknowns as null.</summary>
internal static class MediaInfoMapping
{
    public static MediaInfo From(IMediaAnalysis analysis, long sizeBytes)
    {
        var raw = analysis.Raw.Streams.ToDictionary(s => s.Index);
        var streams = analysis.VideoStreams.Select(v => Video(v, raw.GetValueOrDefault(v.Index)))
            .Concat(analysis.AudioStreams.Select(a => Audio(a, raw.GetValueOrDefault(a.Index))))
            .OrderBy(s => s.Index)
            .ToList();
        return new MediaInfo(
            analysis.Format.FormatName ?? string.Empty,
            Seconds(analysis.Format.Duration),
            sizeBytes,
            analysis.Format.BitRate is { } bitRate and > 0 ? (long)bitRate : null,
            streams);
    }

    private static StreamInfo Video(VideoStream video, FFProbeStream? raw) => new()
    {
        Index = video.Index,
        CodecType = "video",
        CodecName = video.CodecName ?? string.Empty,
        Width = video.Width,
        Height = video.Height,
        FrameRate = video.AverageFrameRate is > 0 and var average && double.IsFinite(average) ? average
            : video.RealFrameRate is > 0 and var real && double.IsFinite(real) ? real : null,
        PixelFormat = video.PixelFormat,
        SampleAspectRatio = raw?.SampleAspectRatio,
        DurationSeconds = Seconds(video.Duration),
        FrameCount = Count(raw, "nb_frames"),
        IsAttachedPicture = video.Disposition?.TryGetValue("attached_pic", out var attached) == true && attached,
    };

    private static StreamInfo Audio(AudioStream audio, FFProbeStream? raw) => new()
    {
        Index = audio.Index,
        CodecType = "audio",
        CodecName = audio.CodecName ?? string.Empty,
        SampleRate = audio.SampleRateHz,
        Channels = audio.Channels,
        DurationSeconds = Seconds(audio.Duration),
        FrameCount = Count(raw, "nb_frames"),
    };

    private static double? Seconds(TimeSpan duration) => duration > TimeSpan.Zero ? duration.TotalSeconds : null;

    private static long? Count(FFProbeStream? raw, string name) =>
        raw?.ExtensionData?.TryGetValue(name, out var value) == true
        && long.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            ? count
            : null;
}
