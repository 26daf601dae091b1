using System.Globalization;
using System.Text.Json;

namespace VideoPipeline.Media.Audio;

/// <summary>
/// The JSON block FFmpeg's loudnorm filter prints (print_format=json) when it finishes:
/// input_* are what it measured, output_* what it produced. Silence measures as -inf.
/// </summary>
public sealed record LoudnormMeasurement(
    double InputIntegrated,
    double InputTruePeak,
    double InputRange,
    double InputThreshold,
    double OutputIntegrated,
    double TargetOffset)
{
    /// <summary>Below this the mix is silence: there is nothing to normalize.</summary>
    public const double SilenceFloor = -70;

    public bool IsSilent => !(this.InputIntegrated > SilenceFloor);

    /// <summary>Finds the last loudnorm JSON block in FFmpeg's stderr.</summary>
    /// <exception cref="FormatException">No complete block was printed.</exception>
    public static LoudnormMeasurement Parse(IReadOnlyList<string> stderr)
    {
        var end = -1;
        for (var i = stderr.Count - 1; i >= 0; i--)
        {
            if (stderr[i].Trim() == "}")
            {
                end = i;
                break;
            }
        }

        var start = end;
        while (start >= 0 && stderr[start].Trim() != "{")
        {
            start--;
        }

        if (end < 0 || start < 0)
        {
            throw new FormatException("FFmpeg printed no loudnorm measurement");
        }

        using var json = JsonDocument.Parse(string.Join('\n', stderr.Skip(start).Take(end - start + 1)));
        double Read(string name)
        {
            var text = json.RootElement.TryGetProperty(name, out var v) ? v.GetString() : null;
            return text switch
            {
                "-inf" => double.NegativeInfinity,
                "inf" or "+inf" => double.PositiveInfinity,
                _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                _ => throw new FormatException($"loudnorm field {name} is '{text}'"),
            };
        }

        return new LoudnormMeasurement(
            Read("input_i"), Read("input_tp"), Read("input_lra"), Read("input_thresh"), Read("output_i"), Read("target_offset"));
    }
}
