using VideoPipeline.Domain;

namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// Lighting from time and place words, palette from what the video is about; the request's
/// style fills in when the words say nothing. Earlier rules win: night beats morning beats office.
/// </summary>
internal static class VisualStyleRules
{
    private static readonly (string Lighting, string[] Words)[] LightingRules =
    [
        ("low_key", ["night", "nights", "midnight", "nighttime", "tonight", "dark", "moody", "noir"]),
        ("warm", ["morning", "mornings", "sunrise", "dawn", "breakfast", "cozy", "candle", "fireplace"]),
        ("golden", ["sunset", "dusk", "evening", "evenings", "autumn"]),
        ("bright", ["office", "studio", "classroom", "workplace", "lab", "store", "shop", "gym", "hospital"]),
        ("natural", ["outdoor", "outdoors", "outside", "park", "beach", "forest", "garden", "mountain", "mountains", "hiking", "trail", "field", "lake", "river", "meadow", "countryside", "farm"]),
    ];

    private static readonly (string Palette, string[] Words)[] PaletteRules =
    [
        (ColorPalettes.BlackGold, ["luxury", "luxurious", "premium", "elegant", "jewelry", "jewellery", "gold", "perfume", "exclusive", "gala"]),
        (ColorPalettes.Vibrant, ["kids", "kid", "children", "child", "toy", "toys", "fun", "party", "candy", "game", "games", "playful", "carnival", "festival", "birthday", "colorful", "colourful"]),
        (ColorPalettes.EarthTones, ["coffee", "espresso", "latte", "wood", "wooden", "autumn", "fall", "chocolate", "bread", "bakery", "leather", "rustic", "cafe", "harvest", "honey", "tea"]),
        (ColorPalettes.CoolBlues, ["tech", "technology", "app", "software", "phone", "smartphone", "laptop", "computer", "digital", "data", "cloud", "gadget", "startup", "ocean", "sea", "winter", "cyber", "robot", "ai"]),
        (ColorPalettes.Greens, ["nature", "forest", "garden", "plant", "plants", "eco", "green", "park", "hiking", "trail", "tree", "trees", "organic", "spring", "mountain", "mountains", "environment", "meadow", "bees"]),
    ];

    private static readonly Dictionary<string, string> LightingByStyle = new(StringComparer.OrdinalIgnoreCase)
    {
        ["professional"] = "soft",
        ["corporate"] = "bright",
        ["cinematic"] = "dramatic",
        ["dramatic"] = "dramatic",
        ["energetic"] = "bright",
        ["playful"] = "bright",
        ["fun"] = "bright",
        ["luxury"] = "low_key",
        ["calm"] = "soft",
    };

    private static readonly Dictionary<string, string> PaletteByStyle = new(StringComparer.OrdinalIgnoreCase)
    {
        ["luxury"] = ColorPalettes.BlackGold,
        ["elegant"] = ColorPalettes.BlackGold,
        ["playful"] = ColorPalettes.Vibrant,
        ["fun"] = ColorPalettes.Vibrant,
        ["energetic"] = ColorPalettes.Vibrant,
        ["tech"] = ColorPalettes.CoolBlues,
        ["futuristic"] = ColorPalettes.CoolBlues,
        ["natural"] = ColorPalettes.Greens,
    };

    public static string? LightingFrom(IReadOnlyList<string> words) =>
        LightingRules.FirstOrDefault(rule => rule.Words.Any(words.Contains)).Lighting;

    /// <summary>The palette named by the earliest matching word, so a prompt's head subject decides.</summary>
    public static string? PaletteFrom(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var match = PaletteRules.FirstOrDefault(rule => rule.Words.Contains(words[i])).Palette;
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>The plan-wide style: subject words first, then the rest of the prompt, then the request's style.</summary>
    public static VisualStyle For(PromptParts parts, string style) => new()
    {
        Lighting = LightingFrom(Words.Of(parts.Text)) ?? LightingByStyle.GetValueOrDefault(style.Trim()) ?? "neutral",
        ColorPalette = PaletteFrom(Words.Of(parts.Subject)) ?? PaletteFrom(Words.Of(parts.Text))
            ?? PaletteByStyle.GetValueOrDefault(style.Trim()) ?? ColorPalettes.Neutral,
    };
}
