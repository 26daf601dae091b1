using VideoPipeline.Domain;

namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>The request's style_preferences: "lighting" and "color_palette" override what the prompt's words suggest.</summary>
internal static class StylePreferences
{
    public static bool Has(IReadOnlyDictionary<string, string> preferences, string key) =>
        preferences.Any(p => p.Key.Trim().Equals(key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(p.Value));

    public static VisualStyle Apply(VisualStyle style, IReadOnlyDictionary<string, string> preferences, List<string> warnings)
    {
        // Sorted so two keys that mean the same thing ("palette", "color_palette") always resolve the same way.
        foreach (var (key, value) in preferences.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var name = value.Trim().ToLowerInvariant();
            switch (key.Trim().ToLowerInvariant())
            {
                case "lighting":
                    style = style with { Lighting = name };
                    break;
                case "color_palette" or "palette" when ColorPalettes.IsKnown(name):
                    style = style with { ColorPalette = name };
                    break;
                case "color_palette" or "palette":
                    warnings.Add($"unknown color_palette \"{value}\"; kept \"{style.ColorPalette}\" (known: {string.Join(", ", ColorPalettes.Names)})");
                    break;
            }
        }

        return style;
    }
}
