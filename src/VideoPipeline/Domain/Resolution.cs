using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoPipeline.Domain;

/// <summary>Output frame size. Serialized as "WIDTHxHEIGHT", the form users type.</summary>
[JsonConverter(typeof(ResolutionJsonConverter))]
public readonly record struct Resolution(int Width, int Height)
{
    public static readonly Resolution Landscape720 = new(1280, 720);
    public static readonly Resolution Portrait720 = new(720, 1280);
    public static readonly Resolution Square1080 = new(1080, 1080);

    /// <summary>The presets the offline pipeline accepts.</summary>
    public static IReadOnlyList<Resolution> Supported { get; } = [Landscape720, Portrait720, Square1080];

    public bool IsPortrait => Height > Width;

    public static bool TryParse(string? text, out Resolution resolution)
    {
        resolution = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().ToLowerInvariant().Split('x');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || w <= 0 || h <= 0)
        {
            return false;
        }

        resolution = new Resolution(w, h);
        return true;
    }

    /// <summary>Parses one of <see cref="Supported"/>; anything else is rejected.</summary>
    public static bool TryParseSupported(string? text, out Resolution resolution) =>
        TryParse(text, out resolution) && Supported.Contains(resolution);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}");
}

internal sealed class ResolutionJsonConverter : JsonConverter<Resolution>
{
    public override Resolution Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Resolution.TryParse(reader.GetString(), out var r)
            ? r
            : throw new JsonException("resolution must look like 1280x720");

    public override void Write(Utf8JsonWriter writer, Resolution value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
