using VideoPipeline.Media.Audio;

namespace VideoPipeline.Tests.Media.Audio;

public sealed class LoudnessMeasurementTests
{
    [Fact]
    public void Parse_reads_integrated_loudness_and_true_peak_from_the_last_summary()
    {
        string[] stderr =
        [
            "[Parsed_ebur128_0 @ 0x55] Summary:",
            "",
            "  Integrated loudness:",
            "    I:         -20.3 LUFS",
            "    Threshold: -30.6 LUFS",
            "",
            "  Loudness range:",
            "    LRA:         7.1 LU",
            "",
            "  True peak:",
            "    Peak:       -3.1 dBFS",
        ];

        var m = LoudnessMeasurement.Parse(stderr);

        Assert.Equal(-20.3, m.IntegratedLufs);
        Assert.Equal(-3.1, m.TruePeakDbfs);
        Assert.False(m.IsSilent);
    }

    [Fact]
    public void Parse_silence_is_reported_as_silent()
    {
        var m = LoudnessMeasurement.Parse(["    I:         -70.0 LUFS", "    Peak:       -inf dBFS"]);

        Assert.True(m.IsSilent);
        Assert.Equal(double.NegativeInfinity, m.TruePeakDbfs);
    }

    [Fact]
    public void Parse_without_a_summary_throws_format_exception()
    {
        Assert.Throws<FormatException>(() => LoudnessMeasurement.Parse(["size=N/A time=00:00:30.00"]));
    }

    [Theory]
    [InlineData(-20.3, -16, 4.3)]
    [InlineData(-10, -16, -6)]
    [InlineData(-60, -16, 30)]
    public void GainDb_moves_integrated_loudness_to_the_target_within_limits(double measured, double target, double gain)
    {
        Assert.Equal(gain, LoudnessCorrection.GainDb(new LoudnessMeasurement(measured, -3), target), 6);
    }

    [Fact]
    public void GainDb_leaves_silence_alone()
    {
        Assert.Equal(0, LoudnessCorrection.GainDb(new LoudnessMeasurement(-70, double.NegativeInfinity), -16));
    }

    [Fact]
    public void CeilingAmplitude_limits_below_the_true_peak_target_by_the_margin()
    {
        Assert.Equal(0.7943, LoudnessCorrection.CeilingAmplitude(-1.5), 4);
    }
}
