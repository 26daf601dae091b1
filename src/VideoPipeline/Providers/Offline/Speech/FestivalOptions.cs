namespace VideoPipeline.Providers.Offline.Speech;

public sealed class FestivalOptions
{
    public const string Section = "Festival";

    public string Text2WavePath { get; set; } = "text2wave";

    /// <summary>Default festival voice (Debian package festvox-us-slt-hts).</summary>
    public string Voice { get; set; } = "cmu_us_slt_arctic_hts";

    /// <summary>Largest speed-up used to fit narration into its scene before time-stretching.</summary>
    public double MaxFitSpeed { get; set; } = 1.35;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);
}
