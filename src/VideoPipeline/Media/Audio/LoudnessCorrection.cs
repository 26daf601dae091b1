namespace VideoPipeline.Media.Audio;

/// <summary>
/// Two-pass EBU R128 normalization: the measured integrated loudness gives one linear gain to the
/// target, and a limiter keeps peaks under the true-peak ceiling. This is what loudnorm's linear
/// mode does, without its internal 192 kHz resampling (measured here: 3.9 s vs 1.5 s of audio work).
/// </summary>
public static class LoudnessCorrection
{
    /// <summary>Beyond this a mix is broken, not quiet; never amplify noise by more.</summary>
    public const double MaxGainDb = 30;

    public static double GainDb(LoudnessMeasurement measured, double targetLufs) =>
        measured.IsSilent ? 0 : Math.Clamp(targetLufs - measured.IntegratedLufs, -MaxGainDb, MaxGainDb);

    /// <summary>
    /// The limiter works on sample peaks; inter-sample peaks and the AAC encode add up to ~0.3 dB
    /// (measured: −1.3 dBTP out of a −1.5 dB limit), so it limits this much below the true-peak target.
    /// </summary>
    public const double TruePeakMarginDb = 0.5;

    /// <summary>The limiter's ceiling as a linear amplitude (alimiter's unit) for a true-peak target.</summary>
    public static double CeilingAmplitude(double truePeakDb) => Math.Clamp(Math.Pow(10, (truePeakDb - TruePeakMarginDb) / 20), 0.0625, 1);
}
