using System.Text.Json;
using VideoPipeline.Domain;

namespace VideoPipeline.Providers.AzureOpenAI.Transcription;

/// <summary>
/// Reads OpenAI's verbose_json transcription (text, language, duration, segments[], words[]) into the
/// shared <see cref="Transcript"/>. Lenient: numbers may be strings, and word lists nested in segments
/// are used when there is no top-level list.
/// </summary>
internal static class VerboseJsonTranscript
{
    public static Transcript Parse(JsonElement body)
    {
        var segments = body.Items("segments").ToList();
        var words = body.Items("words").ToList();
        if (words.Count == 0)
        {
            words = [.. segments.SelectMany(s => s.Items("words"))];
        }

        return new Transcript
        {
            Text = body.OptionalString("text")?.Trim() ?? string.Empty,
            Language = body.OptionalString("language"),
            Segments = segments
                .Select(s => new TranscriptSegment(s.OptionalNumber("start") ?? 0, s.OptionalNumber("end") ?? 0, s.OptionalString("text")?.Trim() ?? string.Empty))
                .ToList(),
            Words = words
                .Select(w => new TranscriptWord(w.OptionalString("word")?.Trim() ?? string.Empty, w.OptionalNumber("start") ?? 0, w.OptionalNumber("end") ?? 0, w.OptionalNumber("probability")))
                .Where(w => w.Word.Length > 0)
                .ToList(),
        };
    }

    /// <summary>Seconds of audio billed: the top-level duration, else usage.duration, else the last time heard.</summary>
    public static double AudioSeconds(JsonElement body, Transcript transcript) =>
        body.OptionalNumber("duration")
        ?? body.Optional("usage")?.OptionalNumber("duration")
        ?? transcript.Segments.Select(s => s.End).Concat(transcript.Words.Select(w => w.End)).DefaultIfEmpty(0).Max();
}
