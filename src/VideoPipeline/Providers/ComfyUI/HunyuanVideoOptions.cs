namespace VideoPipeline.Providers.ComfyUI;

/// <summary>
/// The HunyuanVideo text-to-video workflow: which template, where each parameter goes in it, and the
/// model's limits. Bound from the <c>HunyuanVideo</c> section.
/// </summary>
public sealed class HunyuanVideoOptions
{
    public const string Section = "HunyuanVideo";

    /// <summary>An API-format workflow file; empty uses the template shipped in the assembly.</summary>
    public string? TemplatePath { get; set; }

    /// <summary>
    /// Which node input receives each parameter. The defaults fit the shipped template; a custom template
    /// overrides entries (e.g. <c>HunyuanVideo:Inputs:Prompt:NodeId</c>).
    /// </summary>
    public Dictionary<ComfyWorkflowParameter, ComfyNodeInput> Inputs { get; set; } = new()
    {
        [ComfyWorkflowParameter.Prompt] = new("44", "text"),
        [ComfyWorkflowParameter.Seed] = new("25", "noise_seed"),
        [ComfyWorkflowParameter.Frames] = new("45", "length"),
        [ComfyWorkflowParameter.Width] = new("45", "width"),
        [ComfyWorkflowParameter.Height] = new("45", "height"),
        [ComfyWorkflowParameter.Steps] = new("17", "steps"),
        [ComfyWorkflowParameter.Fps] = new("78", "fps"),
        [ComfyWorkflowParameter.FilenamePrefix] = new("75", "filename_prefix"),
    };

    public int Steps { get; set; } = 20;

    /// <summary>The rate the model generates at (HunyuanVideo: 24); the assembler converts to the job's rate.</summary>
    public int Fps { get; set; } = 24;

    /// <summary>Longest clip in frames (4k+1; 129 is about 5.4 s at 24 fps). Longer scenes are capped and the assembler holds the last frame.</summary>
    public int MaxFrames { get; set; } = 129;

    /// <summary>Pixel budget per frame (HunyuanVideo's 720p, 1280x720); larger requests are scaled down keeping the aspect.</summary>
    public int MaxPixels { get; set; } = 1280 * 720;

    /// <summary>Which entry of <see cref="GpuSecondsPerMegapixelFrameStep"/> the servers run on.</summary>
    public string GpuProfile { get; set; } = "A100";

    /// <summary>
    /// GPU seconds per frame × step × megapixel, by GPU. Unmeasured starting points (no GPU here):
    /// calibrate them from the gpu_seconds the usage ledger records.
    /// </summary>
    public Dictionary<string, double> GpuSecondsPerMegapixelFrameStep { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["A100"] = 0.25,
        ["H100"] = 0.12,
    };

    /// <summary>GPU seconds per prompt on top of the sampling (text encoding, VAE decode, saving).</summary>
    public double GpuFixedSeconds { get; set; } = 20;
}

/// <summary>What the workflow builder injects into a template.</summary>
public enum ComfyWorkflowParameter
{
    Prompt,
    Seed,
    Frames,
    Width,
    Height,
    Steps,
    Fps,

    /// <summary>Where the output is saved; also marks the node whose output is downloaded.</summary>
    FilenamePrefix,
}

/// <summary>One input of one node in an API-format workflow.</summary>
public sealed class ComfyNodeInput
{
    public ComfyNodeInput()
    {
    }

    public ComfyNodeInput(string nodeId, string input)
    {
        this.NodeId = nodeId;
        this.Input = input;
    }

    public string NodeId { get; set; } = "";

    public string Input { get; set; } = "";

    public override string ToString() => $"node {this.NodeId} input '{this.Input}'";
}
