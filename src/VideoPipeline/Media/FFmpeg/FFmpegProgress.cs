using System.Globalization;

namespace VideoPipeline.Media.FFmpeg;

/// <summary>
/// Reads FFmpeg's <c>-progress pipe:1</c> key=value stream and turns it into a 0–100 percentage
/// of an expected duration. Reported values never go backwards.
/// </summary>
public sealed class FFmpegProgress(double expectedSeconds, IProgress<double>? sink)
{
    public double Percent { get; private set; }

    public void OnLine(string line)
    {
        var eq = line.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return;
        }

        var key = line.AsSpan(0, eq);
        var value = line.AsSpan(eq + 1).Trim();
        if (key is "progress" && value is "end")
        {
            this.Report(100);
        }
        else if (key is "out_time_us" or "out_time_ms" // both are microseconds in FFmpeg 5
            && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var micros)
            && expectedSeconds > 0)
        {
            this.Report(Math.Clamp(micros / 1e6 / expectedSeconds * 100, 0, 99.9));
        }
    }

    private void Report(double percent)
    {
        if (percent <= this.Percent)
        {
            return;
        }

        this.Percent = percent;
        sink?.Report(percent);
    }
}
