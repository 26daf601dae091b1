using System.Globalization;
using System.Text.Json;

namespace VideoPipeline.Media.Probing;

/// <summary>
/// Parses <c>ffprobe -print_format json -show_format -show_streams</c>. ffprobe prints most numbers as
/// strings ("30.000000", "30/1", "N/A"), so each field is read leniently and missing ones stay null.
/// </summary>
public static class MediaInfoParser
{
    public static MediaInfo Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var format = root.TryGetProperty("format", out var f) ? f : default;
        var streams = root.TryGetProperty("streams", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Select(ParseStream).ToList()
            : [];

        return new MediaInfo(
            String(format, "format_name") ?? "",
            Number(format, "duration"),
            Integer(format, "size"),
            Integer(format, "bit_rate"),
            streams);
    }

    private static StreamInfo ParseStream(JsonElement stream) => new()
    {
        Index = (int)(Integer(stream, "index") ?? 0),
        CodecType = String(stream, "codec_type") ?? "",
        CodecName = String(stream, "codec_name") ?? "",
        Width = (int?)Integer(stream, "width"),
        Height = (int?)Integer(stream, "height"),
        FrameRate = Rational(stream, "avg_frame_rate") ?? Rational(stream, "r_frame_rate"),
        PixelFormat = String(stream, "pix_fmt"),
        SampleAspectRatio = String(stream, "sample_aspect_ratio"),
        SampleRate = (int?)Integer(stream, "sample_rate"),
        Channels = (int?)Integer(stream, "channels"),
        DurationSeconds = Number(stream, "duration"),
        FrameCount = Integer(stream, "nb_frames"),
        IsAttachedPicture = stream.TryGetProperty("disposition", out var d)
            && d.ValueKind == JsonValueKind.Object
            && Integer(d, "attached_pic") == 1,
    };

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static double? Number(JsonElement element, string name) =>
        double.TryParse(String(element, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    private static long? Integer(JsonElement element, string name) =>
        long.TryParse(String(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    // "30000/1001" -> 29.97; "0/0" (unknown) -> null.
    private static double? Rational(JsonElement element, string name)
    {
        var text = String(element, name);
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (text is null || slash <= 0)
        {
            return null;
        }

        return double.TryParse(text.AsSpan(0, slash), NumberStyles.Float, CultureInfo.InvariantCulture, out var num)
            && double.TryParse(text.AsSpan(slash + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var den)
            && den > 0 && num > 0
                ? num / den
                : null;
    }
}
