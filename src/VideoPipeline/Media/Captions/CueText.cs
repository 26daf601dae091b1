namespace VideoPipeline.Media.Captions;

internal static class CueText
{
    /// <summary>
    /// The non-blank lines of a cue's text, trimmed and without control characters. A blank line
    /// would end the cue early in SRT and WebVTT.
    /// </summary>
    public static IEnumerable<string> Lines(string? text) => (text ?? "")
        .Replace("\r\n", "\n", StringComparison.Ordinal)
        .Replace('\r', '\n')
        .Split('\n')
        .Select(line => new string(line.Replace('\t', ' ').Where(c => !char.IsControl(c)).ToArray()).Trim())
        .Where(line => line.Length > 0);
}
