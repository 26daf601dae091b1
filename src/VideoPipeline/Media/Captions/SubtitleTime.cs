using System.Globalization;

namespace VideoPipeline.Media.Captions;

/// <summary>
/// Timestamp formatting for the writers. Every writer rounds through <see cref="ToUnits"/>, a
/// non-decreasing function, so a cue that ends after it starts never ends before it starts once written.
/// </summary>
internal static class SubtitleTime
{
    public static long ToUnits(double seconds, int unitsPerSecond) =>
        double.IsFinite(seconds) && seconds > 0
            ? (long)Math.Round(seconds * unitsPerSecond, MidpointRounding.AwayFromZero)
            : 0;

    /// <summary>HH:MM:SS{separator}mmm, as SRT (",") and WebVTT (".") use.</summary>
    public static string Milliseconds(long milliseconds, char separator)
    {
        var (hours, rest) = Math.DivRem(milliseconds, 3_600_000);
        var (minutes, rest2) = Math.DivRem(rest, 60_000);
        var (seconds, millis) = Math.DivRem(rest2, 1_000);
        return string.Create(CultureInfo.InvariantCulture, $"{hours:00}:{minutes:00}:{seconds:00}{separator}{millis:000}");
    }

    /// <summary>H:MM:SS.cc, as ASS uses.</summary>
    public static string Centiseconds(long centiseconds)
    {
        var (hours, rest) = Math.DivRem(centiseconds, 360_000);
        var (minutes, rest2) = Math.DivRem(rest, 6_000);
        var (seconds, cents) = Math.DivRem(rest2, 100);
        return string.Create(CultureInfo.InvariantCulture, $"{hours}:{minutes:00}:{seconds:00}.{cents:00}");
    }

    /// <summary>Start and end in whole units; an end that rounds onto its start moves one unit later so the cue still shows.</summary>
    public static (long Start, long End) Span(double start, double end, int unitsPerSecond)
    {
        var from = ToUnits(start, unitsPerSecond);
        var to = ToUnits(end, unitsPerSecond);
        return (from, Math.Max(to, from + 1));
    }
}
