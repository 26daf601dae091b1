namespace VideoPipeline.Media.Probing;

/// <summary>What ffprobe says about a file: container plus streams.</summary>
public sealed record MediaInfo(string FormatName, double? DurationSeconds, long? SizeBytes, long? BitRate, IReadOnlyList<StreamInfo> Streams)
{
    public StreamInfo? Video => this.Streams.FirstOrDefault(s => s.IsVideo);

    public StreamInfo? Audio => this.Streams.FirstOrDefault(s => s.IsAudio);

    public bool HasVideo => this.Video is not null;

    public bool HasAudio => this.Audio is not null;
}

public sealed record StreamInfo
{
    public int Index { get; init; }
    public string CodecType { get; init; } = "";
    public string CodecName { get; init; } = "";
    public int? Width { get; init; }
    public int? Height { get; init; }

    /// <summary>Average frame rate (avg_frame_rate, falling back to r_frame_rate).</summary>
    public double? FrameRate { get; init; }

    public string? PixelFormat { get; init; }
    public string? SampleAspectRatio { get; init; }
    public int? SampleRate { get; init; }
    public int? Channels { get; init; }
    public double? DurationSeconds { get; init; }
    public long? FrameCount { get; init; }

    /// <summary>Still images (mjpeg/png cover art, a .jpg input) are video streams of one frame.</summary>
    public bool IsAttachedPicture { get; init; }

    public bool IsVideo => this.CodecType == "video" && !this.IsAttachedPicture;

    public bool IsAudio => this.CodecType == "audio";
}
