namespace VideoPipeline.Providers.Offline.Rendering;

public sealed class AnimaticOptions
{
    public const string Section = "Animatic";

    public string BoldFontFile { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    public string RegularFontFile { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>Intermediate clips are re-encoded once at assembly, so they favour speed and fidelity.</summary>
    public string Preset { get; set; } = "ultrafast";

    public int Crf { get; set; } = 16;
}
