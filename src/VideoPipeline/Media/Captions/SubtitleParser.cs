using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using VideoPipeline.Domain;

namespace VideoPipeline.Media.Captions;

/// <summary>
/// Reads SRT and WebVTT as found in the wild (BOM, CRLF, missing or odd cue numbers, cue settings,
/// markup). Only a broken timestamp is an error: a <see cref="FormatException"/> naming its line.
/// </summary>
public static partial class SubtitleParser
{
    public static IReadOnlyList<CaptionCue> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimStart('\uFEFF').TrimStart().StartsWith("WEBVTT", StringComparison.Ordinal)
            ? ParseVtt(text)
            : ParseSrt(text);
    }

    public static IReadOnlyList<CaptionCue> ParseSrt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var lines = SplitLines(text);
        var cues = new List<CaptionCue>();
        PendingCue? current = null;
        var afterBlank = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                afterBlank = true;
                continue;
            }

            if (IsTimingLine(line))
            {
                Flush(current, cues, CleanSrtLine);
                current = ParseTiming(line, i + 1);
                afterBlank = false;
                continue;
            }

            // A line just above a timing line is the cue number, whatever it holds, unless it
            // continues a cue's text (then it is neither after a blank line nor a plain number).
            var nextIsTiming = i + 1 < lines.Length && IsTimingLine(lines[i + 1].Trim());
            if (nextIsTiming && (afterBlank || current is null || line.All(char.IsAsciiDigit)))
            {
                afterBlank = false;
                continue;
            }

            if (current is null)
            {
                throw new FormatException($"Line {i + 1}: expected a cue number or a timing line such as \"00:00:01,000 --> 00:00:02,000\", found \"{Shorten(line)}\".");
            }

            // Text after a stray blank line still belongs to the cue above it.
            current.Lines.Add(line);
            afterBlank = false;
        }

        Flush(current, cues, CleanSrtLine);
        return cues;
    }

    public static IReadOnlyList<CaptionCue> ParseVtt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var lines = SplitLines(text);
        if (lines.Length == 0 || !WebVttSignature().IsMatch(lines[0]))
        {
            throw new FormatException("Line 1: a WebVTT file must start with \"WEBVTT\".");
        }

        // Header lines run to the first blank line; a timing line ends them early in sloppy files.
        var i = 1;
        while (i < lines.Length && lines[i].Trim().Length > 0 && !IsTimingLine(lines[i]))
        {
            i++;
        }

        var cues = new List<CaptionCue>();
        while (i < lines.Length)
        {
            if (lines[i].Trim().Length == 0)
            {
                i++;
                continue;
            }

            var blockStart = i;
            while (i < lines.Length && lines[i].Trim().Length > 0)
            {
                i++;
            }

            var block = lines[blockStart..i];
            if (MetadataBlock().IsMatch(block[0]) && !IsTimingLine(block[0]))
            {
                continue;
            }

            // The timing line is first, or second after a cue identifier; blocks without one are ignored, as the spec says.
            var timing = IsTimingLine(block[0]) ? 0 : block.Length > 1 && IsTimingLine(block[1]) ? 1 : -1;
            if (timing < 0)
            {
                continue;
            }

            var cue = ParseTiming(block[timing].Trim(), blockStart + timing + 1);
            cue.Lines.AddRange(block[(timing + 1)..].Select(l => l.Trim()));
            Flush(cue, cues, CleanVttLine);
        }

        return cues;
    }

    private static string[] SplitLines(string text) => text
        .TrimStart('\uFEFF')
        .Replace("\r\n", "\n", StringComparison.Ordinal)
        .Replace('\r', '\n')
        .Split('\n');

    // Starting with a digit keeps a text line such as "a --> b" from passing for a broken timing line.
    private static bool IsTimingLine(string line) =>
        line.Contains("-->", StringComparison.Ordinal) && line.TrimStart() is { Length: > 0 } trimmed && char.IsAsciiDigit(trimmed[0]);

    private static PendingCue ParseTiming(string line, int lineNumber)
    {
        var match = TimingLine().Match(line);
        if (!match.Success)
        {
            throw new FormatException($"Line {lineNumber}: malformed timing line \"{Shorten(line)}\"; expected \"start --> end\".");
        }

        var start = ParseTimestamp(match.Groups["start"].Value, lineNumber);
        var end = ParseTimestamp(match.Groups["end"].Value, lineNumber);
        if (end < start)
        {
            throw new FormatException($"Line {lineNumber}: cue ends ({match.Groups["end"].Value}) before it starts ({match.Groups["start"].Value}).");
        }

        return new PendingCue(start, end);
    }

    private static double ParseTimestamp(string value, int lineNumber)
    {
        var match = Timestamp().Match(value);
        var hours = match.Groups["h"].Success ? ParseInt(match.Groups["h"].Value) : 0;
        if (!match.Success || ParseInt(match.Groups["m"].Value) > 59 || ParseInt(match.Groups["s"].Value) > 59)
        {
            throw new FormatException($"Line {lineNumber}: malformed timestamp \"{Shorten(value)}\"; expected HH:MM:SS,mmm (SRT) or [HH:]MM:SS.mmm (WebVTT).");
        }

        // Fewer than three fraction digits are a decimal fraction: ",5" is half a second.
        var fraction = match.Groups["f"].Success ? ParseInt(match.Groups["f"].Value.PadRight(3, '0')) : 0;
        return (hours * 3600.0) + (ParseInt(match.Groups["m"].Value) * 60.0) + ParseInt(match.Groups["s"].Value) + (fraction / 1000.0);
    }

    private static long ParseInt(string digits) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : long.MaxValue;

    private static void Flush(PendingCue? cue, List<CaptionCue> cues, Func<string, string> clean)
    {
        if (cue is null)
        {
            return;
        }

        var text = string.Join('\n', cue.Lines.Select(line => clean(line).Trim()).Where(l => l.Length > 0));
        cues.Add(new CaptionCue(cue.Start, cue.End, text));
    }

    private static string CleanSrtLine(string line) => SrtMarkup().Replace(line, "");

    // Tags go first so an escaped "&lt;i&gt;" stays visible text.
    private static string CleanVttLine(string line) => WebUtility.HtmlDecode(VttMarkup().Replace(line, ""));

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";

    private sealed record PendingCue(double Start, double End)
    {
        public List<string> Lines { get; } = [];
    }

    [GeneratedRegex(@"^WEBVTT(?:[ \t].*)?$")]
    private static partial Regex WebVttSignature();

    [GeneratedRegex(@"^(?:NOTE|STYLE|REGION)(?:[ \t].*)?$")]
    private static partial Regex MetadataBlock();

    [GeneratedRegex(@"^(?<start>\S+?)\s*-->\s*(?<end>[^\s]+)(?:\s.*)?$")]
    private static partial Regex TimingLine();

    [GeneratedRegex(@"^(?:(?<h>[0-9]+):)?(?<m>[0-9]{1,2}):(?<s>[0-9]{1,2})(?:[.,](?<f>[0-9]{1,3}))?$")]
    private static partial Regex Timestamp();

    // WebVTT markup: <i>, <b>, <c.class>, <v Speaker>, <lang en>, <ruby>, inline <00:00:01.000> timestamps.
    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex VttMarkup();

    // Formatting SRT files carry in practice: <i>, <b>, <u>, <s>, <font ...>, and {\an8}-style ASS overrides.
    [GeneratedRegex(@"</?(?:i|b|u|s|font)(?:\s[^<>]*)?>|\{\\[^{}]*\}", RegexOptions.IgnoreCase)]
    private static partial Regex SrtMarkup();
}
