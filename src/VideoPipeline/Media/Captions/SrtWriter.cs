using System.Globalization;
using System.Text;
using VideoPipeline.Domain;

namespace VideoPipeline.Media.Captions;

/// <summary>SubRip: number, "HH:MM:SS,mmm --> HH:MM:SS,mmm", text lines, blank line. "\n" line ends.</summary>
public static class SrtWriter
{
    public static string Write(IReadOnlyList<CaptionCue> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);

        var builder = new StringBuilder();
        for (var i = 0; i < cues.Count; i++)
        {
            var (start, end) = SubtitleTime.Span(cues[i].Start, cues[i].End, 1000);
            builder.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append('\n')
                .Append(SubtitleTime.Milliseconds(start, ',')).Append(" --> ").Append(SubtitleTime.Milliseconds(end, ',')).Append('\n');
            foreach (var line in CueText.Lines(cues[i].Text))
            {
                // SRT has no escaping; an arrow in the text would read as a timing line.
                builder.Append(line.Replace("-->", "->", StringComparison.Ordinal)).Append('\n');
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }
}
