using System.Globalization;
using System.Text.Json.Nodes;
using VideoPipeline.Domain;

namespace VideoPipeline.Providers.Whisper;

/// <summary>
/// Reads the verbose_json of both Whisper servers into one <see cref="Transcript"/> (times in seconds):
/// the OpenAI shape (speaches) has a top-level <c>words</c> list; whisper.cpp has per-segment
/// <c>words</c> that are really tokens (" wor", "ld", ","), which are joined into words here: a piece
/// starting with a space starts a word, anything else continues the previous one.
/// </summary>
internal static class WhisperVerboseJson
{
    public static (Transcript Transcript, double? DurationSeconds) Parse(JsonNode json, Func<string, Exception> bad)
    {
        if (json is not JsonObject answer)
        {
            throw bad("verbose_json is not a JSON object");
        }

        var segments = new List<TranscriptSegment>();
        var pieces = new List<List<Piece>>();
        foreach (var segment in answer["segments"] as JsonArray ?? new JsonArray())
        {
            var start = Number(segment?["start"]) ?? throw bad("a segment has no start");
            var end = Number(segment?["end"]) ?? throw bad("a segment has no end");
            segments.Add(new TranscriptSegment(start, end, Text(segment?["text"])?.Trim() ?? ""));
            pieces.Add(Pieces(segment?["words"], bad));
        }

        // A word never spans two segments, so tokens are joined segment by segment.
        var words = answer["words"] is JsonArray
            ? Pieces(answer["words"], bad).Select(p => p.ToWord()).ToList()
            : pieces.SelectMany(JoinTokens).ToList();
        var transcript = new Transcript
        {
            Text = Text(answer["text"])?.Trim() ?? string.Join(' ', segments.Select(s => s.Text)),
            Language = Language(Text(answer["language"])),
            Segments = segments,
            Words = words,
        };
        return (transcript, Number(answer["duration"]));
    }

    /// <summary>ISO 639-1 where the server says a language name ("english" → "en"), as OpenAI's whisper-1 and whisper.cpp do.</summary>
    internal static string? Language(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var name = language.Trim();
        if (name.Length <= 3)
        {
            return name.ToLowerInvariant();
        }

        var culture = CultureInfo.GetCultures(CultureTypes.NeutralCultures)
            .FirstOrDefault(c => string.Equals(c.EnglishName, name, StringComparison.OrdinalIgnoreCase));
        return culture?.TwoLetterISOLanguageName ?? name.ToLowerInvariant();
    }

    private static IEnumerable<TranscriptWord> JoinTokens(List<Piece> tokens)
    {
        Piece? word = null;
        foreach (var token in tokens)
        {
            var trimmed = token.Text.Trim();
            if (word is not null && (!char.IsWhiteSpace(token.Text[0]) || trimmed.All(char.IsPunctuation)))
            {
                word = new Piece(word.Text + trimmed, word.Start, token.End, Min(word.Probability, token.Probability));
                continue;
            }

            if (word is not null)
            {
                yield return word.ToWord();
            }

            word = token with { Text = trimmed };
        }

        if (word is not null)
        {
            yield return word.ToWord();
        }
    }

    private static List<Piece> Pieces(JsonNode? list, Func<string, Exception> bad)
    {
        var pieces = new List<Piece>();
        foreach (var item in list as JsonArray ?? new JsonArray())
        {
            var text = Text(item?["word"]) ?? throw bad("a word has no text");

            // Special tokens ([_BEG_], [_TT_150]) carry no speech.
            if (string.IsNullOrWhiteSpace(text) || (text.StartsWith("[_", StringComparison.Ordinal) && text.EndsWith(']')))
            {
                continue;
            }

            pieces.Add(new Piece(
                text,
                Number(item?["start"]) ?? throw bad($"the word '{text}' has no start"),
                Number(item?["end"]) ?? throw bad($"the word '{text}' has no end"),
                Number(item?["probability"])));
        }

        return pieces;
    }

    private static double? Min(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    // Some servers send numbers as strings ("duration": "12.5"), so both are read.
    private static double? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue(out double d) => d,
        JsonValue v when v.TryGetValue(out string? s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private sealed record Piece(string Text, double Start, double End, double? Probability)
    {
        public TranscriptWord ToWord() => new(this.Text.Trim(), this.Start, this.End, this.Probability);
    }
}
