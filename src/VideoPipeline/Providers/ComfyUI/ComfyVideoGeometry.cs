using System.Globalization;
using VideoPipeline.Domain;

namespace VideoPipeline.Providers.ComfyUI;

/// <summary>
/// The size, length and rate HunyuanVideo renders a scene at, and how it differs from the request:
/// frames are 4k+1 (the VAE compresses time by 4) and at most <see cref="HunyuanVideoOptions.MaxFrames"/>;
/// width and height are multiples of 16 inside the model's pixel budget. The assembler scales, converts
/// the rate and cuts or holds frames to the job's exact timeline, so these adjustments never reach the output.
/// </summary>
public sealed record ComfyVideoGeometry(int Width, int Height, int Frames, int Fps, IReadOnlyList<string> Adjustments)
{
    public const int SizeMultiple = 16;

    public double Seconds => this.Frames / (double)this.Fps;

    public double Megapixels => this.Width * (double)this.Height / 1_000_000;

    public static ComfyVideoGeometry For(Resolution requested, double seconds, HunyuanVideoOptions options)
    {
        var adjustments = new List<string>();
        var (width, height) = FitSize(requested, options.MaxPixels);
        if (width != requested.Width || height != requested.Height)
        {
            var budget = requested.Width * (long)requested.Height > options.MaxPixels ? $"the {options.MaxPixels:N0}-pixel budget, " : "";
            adjustments.Add(Invariant($"size {requested} → {width}x{height} ({budget}multiples of {SizeMultiple})"));
        }

        var wanted = Math.Max(1, (int)Math.Ceiling((seconds * options.Fps) - 1e-6));
        var frames = FourKPlusOne(wanted);
        if (frames != wanted)
        {
            adjustments.Add(Invariant($"{wanted} frames → {frames} (HunyuanVideo renders 4k+1 frames)"));
        }

        var max = FourKPlusOne(options.MaxFrames) > options.MaxFrames ? FourKPlusOne(options.MaxFrames) - 4 : options.MaxFrames;
        if (frames > max)
        {
            adjustments.Add(Invariant($"capped at {max} frames ({max / (double)options.Fps:0.00} s of {seconds:0.00} s); the assembler holds the last frame"));
            frames = max;
        }

        return new ComfyVideoGeometry(width, height, frames, options.Fps, adjustments);
    }

    /// <summary>The smallest 4k+1 count not below <paramref name="frames"/>.</summary>
    public static int FourKPlusOne(int frames) => frames <= 1 ? 1 : (((frames - 2) / 4) + 1) * 4 + 1;

    /// <summary>Scaled into the pixel budget (aspect kept), then each side to the nearest multiple of 16 (ties down).</summary>
    public static (int Width, int Height) FitSize(Resolution requested, int maxPixels)
    {
        var pixels = requested.Width * (double)requested.Height;
        var scale = pixels > maxPixels ? Math.Sqrt(maxPixels / pixels) : 1;
        return (Round(requested.Width * scale), Round(requested.Height * scale));

        static int Round(double side) => Math.Max(SizeMultiple, (int)Math.Ceiling((side / SizeMultiple) - 0.5) * SizeMultiple);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
