using System.Globalization;
using System.Text.Json;

namespace VideoPipeline.Providers.AzureOpenAI;

/// <summary>
/// Lenient readers for service JSON: a missing or null member is null, and numbers may come as strings
/// (some generated specs type Whisper's duration or Sora's seconds as strings).
/// </summary>
internal static class JsonElementExtensions
{
    public static JsonElement? Optional(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? OptionalString(this JsonElement element, string name) =>
        element.Optional(name) is { } value
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    public static double? OptionalNumber(this JsonElement element, string name) =>
        element.Optional(name) is { } value
            && (value.ValueKind == JsonValueKind.Number ? value.TryGetDouble(out var n)
                : double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out n))
            && double.IsFinite(n)
            ? n
            : null;

    public static IEnumerable<JsonElement> Items(this JsonElement element, string name) =>
        element.Optional(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>A Unix time in seconds, as Sora sends created_at and completed_at.</summary>
    public static DateTimeOffset? OptionalUnixTime(this JsonElement element, string name) =>
        element.OptionalNumber(name) is { } seconds ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)) : null;
}
