using System.Globalization;

namespace VideoPipeline.Tests.TestSupport;

/// <summary>Decoded frames as 8-bit grey pixels, for comparing renders region by region.</summary>
public sealed class GrayFrame(int width, int height, byte[] pixels)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public byte this[int x, int y] => pixels[(y * this.Width) + x];

    public static async Task<GrayFrame> GrabAsync(string video, double seconds, int width, int height)
    {
        using var temp = new TempDirectory();
        var raw = temp.File("frame.gray");
        await Tool.FFmpegAsync(
            "-ss", seconds.ToString("0.###", CultureInfo.InvariantCulture), "-i", video,
            "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", raw);
        var pixels = await File.ReadAllBytesAsync(raw);
        Assert.Equal(width * height, pixels.Length);
        return new GrayFrame(width, height, pixels);
    }

    /// <summary>Mean absolute difference over a rectangle (fractions of the frame).</summary>
    public double MeanDifference(GrayFrame other, Region region)
    {
        var (x0, y0, x1, y1) = region.ToPixels(this.Width, this.Height);
        long sum = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                sum += Math.Abs(this[x, y] - other[x, y]);
            }
        }

        return sum / (double)((x1 - x0) * (y1 - y0));
    }

    /// <summary>Share of pixels in a rectangle whose brightness differs by more than <paramref name="threshold"/>.</summary>
    public double ChangedFraction(GrayFrame other, Region region, int threshold = 32)
    {
        var (x0, y0, x1, y1) = region.ToPixels(this.Width, this.Height);
        var changed = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                if (Math.Abs(this[x, y] - other[x, y]) > threshold)
                {
                    changed++;
                }
            }
        }

        return changed / (double)((x1 - x0) * (y1 - y0));
    }

    /// <summary>The pixels (y * width + x) brighter or darker than in <paramref name="other"/> by more than <paramref name="threshold"/>.</summary>
    public HashSet<int> Mask(GrayFrame other, int threshold = 32) =>
        [.. Enumerable.Range(0, this.Width * this.Height).Where(i => Math.Abs(pixels[i] - other[i % this.Width, i / this.Width]) > threshold)];

    /// <summary>Standard deviation of brightness: near zero for a blank frame.</summary>
    public double Contrast()
    {
        double sum = 0, sumSquares = 0;
        for (var y = 0; y < this.Height; y++)
        {
            for (var x = 0; x < this.Width; x++)
            {
                sum += this[x, y];
                sumSquares += this[x, y] * (double)this[x, y];
            }
        }

        var n = (double)this.Width * this.Height;
        return Math.Sqrt((sumSquares / n) - Math.Pow(sum / n, 2));
    }
}

/// <summary>A rectangle in fractions of the frame: (0,0) top left, (1,1) bottom right.</summary>
public readonly record struct Region(double Left, double Top, double Right, double Bottom)
{
    public static readonly Region Whole = new(0, 0, 1, 1);

    public (int X0, int Y0, int X1, int Y1) ToPixels(int width, int height) =>
        ((int)(this.Left * width), (int)(this.Top * height), (int)(this.Right * width), (int)(this.Bottom * height));
}
