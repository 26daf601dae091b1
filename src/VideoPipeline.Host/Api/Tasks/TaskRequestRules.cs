using System.Text.RegularExpressions;
using VideoPipeline.Domain;

namespace VideoPipeline.Host.Api.Tasks;

/// <summary>Field checks and seed 003's defaults; every message names its field.</summary>
public static partial class TaskRequestRules
{
    public const int MaxScenes = 20;
    public const double MaxVolume = 4.0;

    public static readonly string[] ModelSizes = ["tiny", "base", "small", "medium", "large"];

    public static string ModelSize(string? value, Dictionary<string, string[]> errors) =>
        value is null ? "small"
        : ModelSizes.Contains(value) ? value
        : Add(errors, "model_size", $"model_size must be one of {string.Join(", ", ModelSizes)}", "small");

    public static string Language(string? value, Dictionary<string, string[]> errors) =>
        value is null ? "en"
        : LanguageCode().IsMatch(value) ? value.ToLowerInvariant()
        : Add(errors, "language", "language must be an ISO 639-1 code such as \"en\"", "en");

    public static double Volume(string field, double? value, double fallback, Dictionary<string, string[]> errors) =>
        value is null ? fallback
        : value is >= 0 and <= MaxVolume ? value.Value
        : Add(errors, field, $"{field} must be between 0 and {MaxVolume}", fallback);

    public static CaptionStyle Style(CaptionStyleRequest? style, int? wordsPerLine, Dictionary<string, string[]> errors)
    {
        var result = new CaptionStyle();
        if (wordsPerLine is { } words)
        {
            result = words is >= 1 and <= 20 ? result with { WordsPerLine = words } : Add(errors, "words_per_line", "words_per_line must be between 1 and 20", result);
        }

        if (style is null)
        {
            return result;
        }

        if (style.FontSize is { } size)
        {
            result = size is >= 8 and <= 200 ? result with { FontSize = size } : Add(errors, "style.font_size", "style.font_size must be between 8 and 200", result);
        }

        if (style.FontName is { } font)
        {
            result = FontName().IsMatch(font) ? result with { FontName = font } : Add(errors, "style.font_name", "style.font_name must be 1-64 letters, digits, spaces or hyphens", result);
        }

        if (style.PrimaryColor is { } primary)
        {
            result = Color().IsMatch(primary) ? result with { PrimaryColor = primary } : Add(errors, "style.primary_color", "style.primary_color must be #rrggbb", result);
        }

        if (style.OutlineColor is { } outline)
        {
            result = Color().IsMatch(outline) ? result with { OutlineColor = outline } : Add(errors, "style.outline_color", "style.outline_color must be #rrggbb", result);
        }

        if (style.Alignment is { } alignment)
        {
            result = alignment is >= 1 and <= 9 ? result with { Alignment = alignment } : Add(errors, "style.alignment", "style.alignment must be 1-9", result);
        }

        return result;
    }

    public static T Add<T>(Dictionary<string, string[]> errors, string field, string message, T fallback)
    {
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        return fallback;
    }

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex("^[A-Za-z0-9 -]{1,64}$")]
    private static partial Regex FontName();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Color();
}
