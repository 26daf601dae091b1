using System.Globalization;
using System.Text.RegularExpressions;

namespace VideoPipeline.Tests.TestSupport;

/// <summary>Independent audio measurements with FFmpeg's own meters (ebur128, volumedetect).</summary>
public static partial class AudioMeter
{
    /// <summary>EBU R128 integrated loudness in LUFS.</summary>
    public static async Task<double> IntegratedLoudnessAsync(string file)
    {
        var result = await Tool.RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-i", file, "-vn", "-af", "ebur128=framelog=verbose", "-f", "null", "-");
        var matches = Integrated().Matches(string.Join('\n', result.StderrTail));
        Assert.NotEmpty(matches);
        return double.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>True peak in dBTP (ebur128 with 4x oversampling).</summary>
    public static async Task<double> TruePeakAsync(string file)
    {
        var result = await Tool.RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-i", file, "-vn", "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-");
        var matches = Peak().Matches(string.Join('\n', result.StderrTail));
        Assert.NotEmpty(matches);
        return double.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Mean volume in dBFS.</summary>
    public static async Task<double> MeanVolumeAsync(string file)
    {
        var result = await Tool.RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-i", file, "-vn", "-af", "volumedetect", "-f", "null", "-");
        var match = MeanVolume().Match(string.Join('\n', result.StderrTail));
        Assert.True(match.Success, "volumedetect printed no mean volume");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"I:\s+(-?[0-9.]+) LUFS")]
    private static partial Regex Integrated();

    [GeneratedRegex(@"Peak:\s+(-?[0-9.]+) dBFS")]
    private static partial Regex Peak();

    [GeneratedRegex(@"mean_volume:\s+(-?[0-9.]+) dB")]
    private static partial Regex MeanVolume();
}
