namespace VideoPipeline.Providers.Offline;

/// <summary>
/// Named palettes for scene backgrounds, in FFmpeg's <c>0xRRGGBB</c> colour form.
/// Every colour is dark enough that white text on it keeps at least 4:1 contrast,
/// so captions and overlays stay readable on any gradient drawn from a palette.
/// </summary>
public static class ColorPalettes
{
    public const string Neutral = "neutral";
    public const string EarthTones = "earth_tones";
    public const string CoolBlues = "cool_blues";
    public const string Greens = "greens";
    public const string BlackGold = "black_gold";
    public const string Vibrant = "vibrant";

    // Each list runs dark to light, so a renderer can take the first and last for a gradient.
    private static readonly Dictionary<string, IReadOnlyList<string>> Palettes = new(StringComparer.OrdinalIgnoreCase)
    {
        [Neutral] = ["0x2b2d31", "0x464a52", "0x5f636b", "0x7a746a"],
        [EarthTones] = ["0x3b2418", "0x6f4e37", "0x8b5a2b", "0x9c6b4e"],
        [CoolBlues] = ["0x0b1f3a", "0x1c3f6e", "0x2a5f8f", "0x3b78a8"],
        [Greens] = ["0x1b3a2a", "0x2f5d3a", "0x3f6f3a", "0x5a7d3c"],
        [BlackGold] = ["0x0d0d0d", "0x1f1a12", "0x6b531a", "0x94752a"],
        [Vibrant] = ["0x6a1b9a", "0xad1457", "0xc43e00", "0x00838f"],
    };

    public static IReadOnlyList<string> Names { get; } = [Neutral, EarthTones, CoolBlues, Greens, BlackGold, Vibrant];

    public static bool IsKnown(string? name) => name is not null && Palettes.ContainsKey(name.Trim());

    /// <summary>The colours of a palette; unknown or empty names get the neutral palette.</summary>
    public static IReadOnlyList<string> Resolve(string? name) =>
        name is not null && Palettes.TryGetValue(name.Trim(), out var colours) ? colours : Palettes[Neutral];
}
