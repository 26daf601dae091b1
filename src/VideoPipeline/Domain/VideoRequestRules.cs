using System.Globalization;

namespace VideoPipeline.Domain;

/// <summary>
/// The limits a generate request must meet, shared by every way in (CLI options, HTTP fields). Each rule
/// returns null when the value is fine, or one line that starts with the caller's own name for the
/// field (<c>--duration</c>, <c>duration_seconds</c>), so both report errors in their user's terms.
/// </summary>
public static class VideoRequestRules
{
    public const double MinSpeed = 0.5;
    public const double MaxSpeed = 2.0;
    public const int MinWordsPerLine = 1;
    public const int MaxWordsPerLine = 12;
    public const int MinFontSize = 6;
    public const int MaxFontSize = 120;

    public static string? Prompt(string field, string? prompt) =>
        string.IsNullOrWhiteSpace(prompt) ? $"{field} must not be empty"
        : prompt.Length > VideoRequest.MaxPromptLength ? Invariant($"{field} is {prompt.Length:N0} characters; the limit is {VideoRequest.MaxPromptLength:N0}")
        : null;

    // NaN fails every comparison, so it is refused too.
    public static string? Duration(string field, double seconds) =>
        double.IsFinite(seconds) && seconds > 0 && seconds <= VideoRequest.MaxDurationSeconds
            ? null
            : Invariant($"{field} must be greater than 0 and at most {VideoRequest.MaxDurationSeconds} seconds (got {seconds})");

    public static string? Resolution(string field, string? text, out Resolution resolution) =>
        Domain.Resolution.TryParseSupported(text, out resolution)
            ? null
            : $"{field} must be one of {string.Join(", ", Domain.Resolution.Supported)} (got '{OneLine(text)}')";

    public static string? Style(string field, string? style) =>
        string.IsNullOrWhiteSpace(style) ? $"{field} must not be empty" : null;

    public static string? Speed(string field, double speed) =>
        double.IsFinite(speed) && speed >= MinSpeed && speed <= MaxSpeed
            ? null
            : Invariant($"{field} must be between {MinSpeed} and {MaxSpeed} (got {speed})");

    public static string? WordsPerLine(string field, int words) =>
        words is >= MinWordsPerLine and <= MaxWordsPerLine
            ? null
            : Invariant($"{field} must be between {MinWordsPerLine} and {MaxWordsPerLine} (got {words})");

    public static string? Fit(string field, string? text, out FitMode fit)
    {
        (fit, var known) = text?.Trim().ToLowerInvariant() switch
        {
            "cover" => (FitMode.Cover, true),
            "contain" => (FitMode.Contain, true),
            _ => (FitMode.Cover, false),
        };
        return known ? null : $"{field} must be cover or contain (got '{OneLine(text)}')";
    }

    public static string? OverlayText(string field, string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Length > EditingInstruction.MaxTextLength
            ? $"{field} must be 1 to {EditingInstruction.MaxTextLength} characters"
            : null;

    public static string? OverlayTimestamp(string field, double timestamp, double videoDuration) =>
        double.IsFinite(timestamp) && timestamp >= 0 && timestamp < videoDuration
            ? null
            : Invariant($"{field} must be a number of seconds from 0 to below {videoDuration} (got {timestamp})");

    public static string? OverlayDuration(string field, double? duration) =>
        duration is null || (double.IsFinite(duration.Value) && duration > 0)
            ? null
            : Invariant($"{field} must be a positive number of seconds (got {duration})");

    /// <summary>Where an overlay sits: top, center or bottom (the names the edit step understands).</summary>
    public static string? OverlayPosition(string field, string? position) =>
        position is null || position.Trim().ToLowerInvariant() is "top" or "center" or "centre" or "middle" or "bottom"
            ? null
            : $"{field} must be top, center or bottom (got '{OneLine(position)}')";

    /// <summary>Caption colours go into the ASS style as &amp;HBBGGRR, so only #RRGGBB is accepted.</summary>
    public static string? Color(string field, string? color)
    {
        var hex = color?.Trim() ?? "";
        hex = hex.StartsWith('#') ? hex[1..] : hex;
        return hex.Length == 6 && hex.All(char.IsAsciiHexDigit) ? null : $"{field} must be a colour like #RRGGBB (got '{OneLine(color)}')";
    }

    public static string? FontSize(string field, int size) =>
        size is >= MinFontSize and <= MaxFontSize ? null : Invariant($"{field} must be between {MinFontSize} and {MaxFontSize} (got {size})");

    /// <summary>ASS numpad alignment: 1–3 bottom, 4–6 middle, 7–9 top.</summary>
    public static string? Alignment(string field, int alignment) =>
        alignment is >= 1 and <= 9 ? null : Invariant($"{field} must be 1 to 9, a numpad position (got {alignment})");

    /// <summary>The value on one line and at most 80 characters, safe to echo in a message.</summary>
    public static string OneLine(string? text)
    {
        var flat = new string((text ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return flat.Length > 80 ? flat[..77] + "..." : flat;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
