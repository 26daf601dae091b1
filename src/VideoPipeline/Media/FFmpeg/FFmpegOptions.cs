namespace VideoPipeline.Media.FFmpeg;

public sealed class FFmpegOptions
{
    public const string Section = "FFmpeg";

    public string FFmpegPath { get; set; } = "ffmpeg";

    public string FFprobePath { get; set; } = "ffprobe";

    /// <summary>x264 preset of the one final encode.</summary>
    public string Preset { get; set; } = "veryfast";

    public int Crf { get; set; } = 21;

    public string AudioBitrate { get; set; } = "160k";

    /// <summary>Any single FFmpeg run longer than this is killed (hang protection).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);
}
