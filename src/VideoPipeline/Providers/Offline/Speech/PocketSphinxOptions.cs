namespace VideoPipeline.Providers.Offline.Speech;

public sealed class PocketSphinxOptions
{
    public const string Section = "PocketSphinx";

    public string ExecutablePath { get; set; } = "pocketsphinx_continuous";

    /// <summary>Acoustic model folder; empty uses the package default (pocketsphinx-en-us).</summary>
    public string? AcousticModel { get; set; }

    public string? LanguageModel { get; set; }

    public string? Dictionary { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(20);
}
