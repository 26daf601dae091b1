using VideoPipeline.Media.Audio;

namespace VideoPipeline.Tests.Media.Audio;

public sealed class LoudnormMeasurementTests
{
    [Fact]
    public void Parse_last_json_block_in_stderr()
    {
        string[] stderr =
        [
            "Input #0, wav, from 'x.wav':",
            "[Parsed_loudnorm_3 @ 0x55]",
            "{",
            "\t\"input_i\" : \"-27.47\",",
            "\t\"input_tp\" : \"-4.47\",",
            "\t\"input_lra\" : \"18.06\",",
            "\t\"input_thresh\" : \"-37.75\",",
            "\t\"output_i\" : \"-16.58\",",
            "\t\"output_tp\" : \"-1.50\",",
            "\t\"output_lra\" : \"14.78\",",
            "\t\"output_thresh\" : \"-26.86\",",
            "\t\"normalization_type\" : \"dynamic\",",
            "\t\"target_offset\" : \"0.58\"",
            "}",
            "size=N/A time=00:00:30.00",
        ];

        var m = LoudnormMeasurement.Parse(stderr);

        Assert.Equal(-27.47, m.InputIntegrated);
        Assert.Equal(-4.47, m.InputTruePeak);
        Assert.Equal(18.06, m.InputRange);
        Assert.Equal(-37.75, m.InputThreshold);
        Assert.Equal(-16.58, m.OutputIntegrated);
        Assert.Equal(0.58, m.TargetOffset);
    }

    [Fact]
    public void Parse_silence_is_reported_as_silent()
    {
        string[] stderr = ["{", "\"input_i\" : \"-inf\",", "\"input_tp\" : \"-inf\",", "\"input_lra\" : \"0.00\",", "\"input_thresh\" : \"-inf\",", "\"output_i\" : \"-inf\",", "\"target_offset\" : \"inf\"", "}"];

        var m = LoudnormMeasurement.Parse(stderr);

        Assert.True(m.IsSilent);
        Assert.Equal(double.PositiveInfinity, m.TargetOffset);
    }

    [Fact]
    public void Parse_without_a_block_throws_format_exception()
    {
        Assert.Throws<FormatException>(() => LoudnormMeasurement.Parse(["nothing here"]));
    }
}
