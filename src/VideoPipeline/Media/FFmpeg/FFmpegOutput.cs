using System.Globalization;

namespace VideoPipeline.Media.FFmpeg;

/// <summary>One output file with its options, in the order FFmpeg expects them.</summary>
public sealed class FFmpegOutput
{
    private readonly List<string> options = [];

    /// <param name="path">The file to write; null for FFmpeg's null muxer (measure, don't write).</param>
    internal FFmpegOutput(string? path) => this.Path = path is null ? null : System.IO.Path.GetFullPath(path);

    /// <summary>Null when the output is discarded.</summary>
    public string? Path { get; }

    /// <summary>Maps a filter graph output pad, e.g. "vout".</summary>
    public FFmpegOutput Map(string pad)
    {
        PadLabel.Validate(pad);
        return this.With("-map", $"[{pad}]");
    }

    /// <summary>Maps an input stream by specifier, e.g. "0:a:0?".</summary>
    public FFmpegOutput MapStream(string specifier) => this.With("-map", specifier);

    public FFmpegOutput VideoCodec(string codec) => this.With("-c:v", codec);

    public FFmpegOutput AudioCodec(string codec) => this.With("-c:a", codec);

    public FFmpegOutput Preset(string preset) => this.With("-preset", preset);

    public FFmpegOutput Crf(int crf) => this.With("-crf", crf.ToString(CultureInfo.InvariantCulture));

    public FFmpegOutput PixelFormat(string format) => this.With("-pix_fmt", format);

    public FFmpegOutput FrameRate(int fps) => this.With("-r", fps.ToString(CultureInfo.InvariantCulture));

    public FFmpegOutput Frames(int count) => this.With("-frames:v", count.ToString(CultureInfo.InvariantCulture));

    public FFmpegOutput AudioBitrate(string bitrate) => this.With("-b:a", bitrate);

    public FFmpegOutput SampleRate(int hz) => this.With("-ar", hz.ToString(CultureInfo.InvariantCulture));

    public FFmpegOutput Channels(int count) => this.With("-ac", count.ToString(CultureInfo.InvariantCulture));

    public FFmpegOutput Duration(double seconds) => this.With("-t", Filter.FormatNumber(seconds));

    public FFmpegOutput NoAudio() => this.Flag("-an");

    public FFmpegOutput NoVideo() => this.Flag("-vn");

    public FFmpegOutput FastStart() => this.With("-movflags", "+faststart");

    public FFmpegOutput Format(string format) => this.With("-f", format);

    public FFmpegOutput With(string option, string value)
    {
        this.options.Add(option);
        this.options.Add(value);
        return this;
    }

    public FFmpegOutput Flag(string option)
    {
        this.options.Add(option);
        return this;
    }

    internal IEnumerable<string> ToArguments()
    {
        foreach (var option in this.options)
        {
            yield return option;
        }

        if (this.Path is null)
        {
            yield return "-f";
            yield return "null";
            yield return "-";
        }
        else
        {
            yield return "file:" + this.Path;
        }
    }
}
