using System.Text;

namespace VideoPipeline.Media.FFmpeg;

/// <summary>
/// The one place where text becomes part of an FFmpeg filter graph. Every option value goes
/// through <see cref="Escape"/>: user text for drawtext, file paths for subtitles and fonts,
/// expressions. FFmpeg unescapes twice (ffmpeg-filters(1), "Notes on filtergraph escaping"):
/// the graph parser first (special: <c>\ ' [ ] , ;</c>), then the option parser (special:
/// <c>\ ' :</c>). Both strip unescaped leading/trailing whitespace, so edge whitespace is escaped too.
/// </summary>
public static class FilterEscaping
{
    private const string OptionSpecials = "\\':";
    private const string GraphSpecials = "\\'[],;";

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return EscapeLevel(EscapeLevel(value, OptionSpecials), GraphSpecials);
    }

    private static string EscapeLevel(string value, string specials)
    {
        var builder = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var edgeWhitespace = char.IsWhiteSpace(c) && (i == 0 || i == value.Length - 1);
            if (specials.Contains(c, StringComparison.Ordinal) || edgeWhitespace)
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
