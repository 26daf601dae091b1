namespace VideoPipeline.Media.FFmpeg;

/// <summary>
/// Builds an FFmpeg argument list (never a command string: it goes to
/// <see cref="System.Diagnostics.ProcessStartInfo.ArgumentList"/>, no shell involved).
/// </summary>
public sealed class FFmpegArguments
{
    private readonly List<FFmpegInput> inputs = [];
    private readonly List<FFmpegOutput> outputs = [];
    private readonly List<string> globals = ["-hide_banner", "-nostdin", "-y"];
    private FilterGraph? graph;

    private FFmpegArguments()
    {
    }

    public static FFmpegArguments Create() => new();

    public IReadOnlyList<FFmpegInput> Inputs => this.inputs;

    public IReadOnlyList<FFmpegOutput> Outputs => this.outputs;

    /// <summary>Log level for stderr; "error" by default, "info" where a filter reports results there.</summary>
    public string LogLevel { get; private set; } = "error";

    public FFmpegArguments WithLogLevel(string level)
    {
        this.LogLevel = level;
        return this;
    }

    public FFmpegArguments Threads(int count)
    {
        this.globals.Add("-threads");
        this.globals.Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Adds an input and returns its index for stream specifiers like "2:a".</summary>
    public int AddInput(FFmpegInput input)
    {
        this.inputs.Add(input);
        return this.inputs.Count - 1;
    }

    public FFmpegArguments WithFilterGraph(FilterGraph filterGraph)
    {
        this.graph = filterGraph;
        return this;
    }

    public FFmpegArguments AddOutput(string path, Action<FFmpegOutput> configure)
    {
        var output = new FFmpegOutput(path);
        configure(output);
        this.outputs.Add(output);
        return this;
    }

    /// <summary>Decodes and filters without writing a file (<c>-f null -</c>), e.g. for measurements.</summary>
    public FFmpegArguments AddNullOutput(Action<FFmpegOutput> configure)
    {
        var output = new FFmpegOutput(null);
        configure(output);
        this.outputs.Add(output);
        return this;
    }

    public IReadOnlyList<string> Build()
    {
        if (this.outputs.Count == 0)
        {
            throw new InvalidOperationException("FFmpeg needs at least one output");
        }

        var args = new List<string>(this.globals) { "-loglevel", this.LogLevel };
        foreach (var input in this.inputs)
        {
            args.AddRange(input.ToArguments());
        }

        if (this.graph is { IsEmpty: false })
        {
            args.Add("-filter_complex");
            args.Add(this.graph.ToString());
        }

        foreach (var output in this.outputs)
        {
            args.AddRange(output.ToArguments());
        }

        return args;
    }

    /// <summary>A readable, shell-quoted rendering for logs and error messages only.</summary>
    public override string ToString() => CommandLine.Format("ffmpeg", this.Build());
}
