namespace VideoPipeline.Media.FFmpeg;

/// <summary>
/// One <c>-i</c> with the options that precede it. Local files are opened through the
/// <c>file:</c> protocol with <c>-protocol_whitelist file</c>, so a path can never name
/// another protocol (http:, concat:, subfile:, ...).
/// </summary>
public sealed class FFmpegInput
{
    private readonly List<string> options = [];

    private FFmpegInput(string source, bool isFile)
    {
        this.Source = source;
        this.IsFile = isFile;
    }

    public string Source { get; }

    public bool IsFile { get; }

    public static FFmpegInput File(string path) => new(Path.GetFullPath(path), isFile: true);

    /// <summary>A generated source such as <c>gradients=...</c> or <c>anullsrc</c>.</summary>
    public static FFmpegInput Lavfi(Filter source) => new(source.ToString(), isFile: false);

    /// <summary>Repeats the input forever (<c>-stream_loop -1</c>); cut it with a duration.</summary>
    public FFmpegInput Loop() => this.With("-stream_loop", "-1");

    /// <summary>Seeks the input before decoding (<c>-ss</c> as an input option).</summary>
    public FFmpegInput Seek(double seconds) => this.With("-ss", Filter.FormatNumber(seconds));

    public FFmpegInput Duration(double seconds) => this.With("-t", Filter.FormatNumber(seconds));

    public FFmpegInput Format(string format) => this.With("-f", format);

    /// <summary>Reads the input at its native rate (<c>-re</c>), as a live source would arrive.</summary>
    public FFmpegInput RealTime() => this.Flag("-re");

    public FFmpegInput Flag(string option)
    {
        this.options.Add(option);
        return this;
    }

    public FFmpegInput With(string option, string value)
    {
        this.options.Add(option);
        this.options.Add(value);
        return this;
    }

    internal IEnumerable<string> ToArguments()
    {
        if (this.IsFile)
        {
            yield return "-protocol_whitelist";
            yield return "file";
        }
        else
        {
            yield return "-f";
            yield return "lavfi";
        }

        foreach (var option in this.options)
        {
            yield return option;
        }

        yield return "-i";
        yield return this.IsFile ? "file:" + this.Source : this.Source;
    }
}
