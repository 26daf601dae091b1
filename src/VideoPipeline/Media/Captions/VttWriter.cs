using System.Text;
using VideoPipeline.Domain;

namespace VideoPipeline.Media.Captions;

/// <summary>WebVTT: "WEBVTT" header, then "HH:MM:SS.mmm --> HH:MM:SS.mmm" and text per cue, with &amp;, &lt; and &gt; escaped.</summary>
public static class VttWriter
{
    public static string Write(IReadOnlyList<CaptionCue> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);

        var builder = new StringBuilder("WEBVTT\n\n");
        foreach (var cue in cues)
        {
            var (start, end) = SubtitleTime.Span(cue.Start, cue.End, 1000);
            builder.Append(SubtitleTime.Milliseconds(start, '.')).Append(" --> ").Append(SubtitleTime.Milliseconds(end, '.')).Append('\n');
            foreach (var line in CueText.Lines(cue.Text))
            {
                builder.Append(Escape(line)).Append('\n');
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    // Escaping ">" also keeps "-->" out of cue text, which WebVTT forbids.
    private static string Escape(string line) => line
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);
}
