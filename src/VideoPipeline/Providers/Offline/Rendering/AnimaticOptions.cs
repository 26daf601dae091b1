namespace VideoPipeline.Providers.Offline.Rendering;

/// <summary>The intermediate scene renders. Fonts are <see cref="Media.Text.TextStyleOptions"/>'s, shared by all on-screen text.</summary>
public sealed class AnimaticOptions
{
    public const string Section = "Animatic";

    /// <summary>Intermediate clips are re-encoded once at assembly, so they favour speed and fidelity.</summary>
    public string Preset { get; set; } = "ultrafast";

    public int Crf { get; set; } = 16;
}
