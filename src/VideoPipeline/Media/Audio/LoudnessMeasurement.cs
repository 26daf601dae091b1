using System.Globalization;
using System.Text.RegularExpressions;

namespace VideoPipeline.Media.Audio;

/// <summary>
/// EBU R128 integrated loudness and true peak, as FFmpeg's <c>ebur128=peak=true</c> filter prints them
/// in its summary when it finishes. Silence measures as −70 LUFS and −inf dBFS.
/// </summary>
public sealed partial record LoudnessMeasurement(double IntegratedLufs, double TruePeakDbfs)
{
    /// <summary>ebur128's floor: at or below this the mix is silence and there is nothing to normalize.</summary>
    public const double SilenceFloor = -70;

    public bool IsSilent => !(this.IntegratedLufs > SilenceFloor);

    /// <summary>Reads the last ebur128 summary in FFmpeg's stderr.</summary>
    /// <exception cref="FormatException">No summary was printed.</exception>
    public static LoudnessMeasurement Parse(IReadOnlyList<string> stderr)
    {
        var text = string.Join('\n', stderr);
        var integrated = Integrated().Matches(text);
        if (integrated.Count == 0)
        {
            throw new FormatException("FFmpeg printed no ebur128 loudness summary");
        }

        var peak = Peak().Matches(text);
        return new LoudnessMeasurement(
            Number(integrated[^1].Groups[1].Value),
            peak.Count == 0 ? double.NaN : Number(peak[^1].Groups[1].Value));
    }

    private static double Number(string text) => text switch
    {
        "-inf" => double.NegativeInfinity,
        "inf" => double.PositiveInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^\s*I:\s+(-?inf|-?[0-9.]+) LUFS", RegexOptions.Multiline)]
    private static partial Regex Integrated();

    [GeneratedRegex(@"^\s*Peak:\s+(-?inf|-?[0-9.]+) dBFS", RegexOptions.Multiline)]
    private static partial Regex Peak();
}
