using System.IO.Compression;
using System.Text;
using Whisper.net;

namespace VideoFunctions.Whisper.Transcription;

/// <summary>
/// whisper.cpp's segments and timed tokens → OpenAI's verbose_json. Tokens are joined into words (a token
/// starting with a space starts a word; punctuation stays on its word), and every time is kept inside the
/// audio, inside its segment and in order: captions downstream rely on words that never run backwards.
/// </summary>
public static class TranscriptBuilder
{
    // OpenAI's tokenizer splits these on characters, not spaces (whisper/timing.py).
    private static readonly HashSet<string> UnspacedLanguages = ["zh", "ja", "th", "lo", "my", "yue"];

    public static VerboseTranscription Build(IReadOnlyList<SegmentData> segments, TimeSpan audio, TranscriptionRequest request)
    {
        var duration = Math.Round(audio.TotalSeconds, 3);
        var language = segments.Count > 0 ? segments[0].Language : request.Language ?? string.Empty;
        var built = new List<TranscriptionSegment>();
        var words = new List<TranscriptionWord>();
        double segmentEnd = 0, wordEnd = 0;
        foreach (var segment in segments)
        {
            var start = Clamp(segment.Start.TotalSeconds, segmentEnd, duration);
            var end = Clamp(segment.End.TotalSeconds, start, duration);
            segmentEnd = end;
            var spoken = segment.Tokens.Where(IsText).ToList();
            built.Add(new TranscriptionSegment(
                built.Count,
                (int)Math.Round(start * 100),
                start,
                end,
                segment.Text,
                [.. segment.Tokens.Select(t => t.Id)],
                request.Temperature,
                spoken.Count == 0 ? 0 : Math.Round(spoken.Average(t => (double)t.ProbabilityLog), 4),
                CompressionRatio(segment.Text),
                Math.Round(segment.NoSpeechProbability, 4)));

            foreach (var word in Words(spoken, UnspacedLanguages.Contains(language)))
            {
                var wordStart = Clamp(word.Start, Math.Max(start, wordEnd), end);
                wordEnd = Clamp(word.End, wordStart, end);
                words.Add(word with { Start = wordStart, End = wordEnd });
            }
        }

        return new VerboseTranscription(
            "transcribe",
            language,
            duration,
            string.Concat(segments.Select(s => s.Text)).Trim(),
            request.Segments ? built : null,
            request.Words ? words : null);
    }

    private static IEnumerable<TranscriptionWord> Words(List<WhisperToken> tokens, bool everyTokenIsAWord)
    {
        var pieces = new List<WhisperToken>();
        foreach (var token in tokens)
        {
            var text = token.Text!;
            var continues = pieces.Count > 0 && (
                pieces[^1].Text!.Contains('\uFFFD', StringComparison.Ordinal) // half of a multi-byte character
                || (!everyTokenIsAWord && (!char.IsWhiteSpace(text[0]) || !text.Any(char.IsLetterOrDigit))));
            if (!continues && pieces.Count > 0)
            {
                yield return Word(pieces);
                pieces.Clear();
            }

            pieces.Add(token);
        }

        if (pieces.Count > 0)
        {
            yield return Word(pieces);
        }
    }

    // Token times are in 10 ms units.
    private static TranscriptionWord Word(List<WhisperToken> pieces) => new(
        string.Concat(pieces.Select(p => p.Text)).Trim(),
        pieces[0].Start / 100.0,
        pieces[^1].End / 100.0,
        Math.Round(pieces.Average(p => (double)p.Probability), 4));

    // whisper.cpp names its special tokens [_BEG_], [_TT_123], [_EOT_], …; they carry no speech.
    private static bool IsText(WhisperToken token) =>
        !string.IsNullOrWhiteSpace(token.Text) && !(token.Text.StartsWith("[_", StringComparison.Ordinal) && token.Text.EndsWith(']'));

    private static double Clamp(double value, double min, double max) => Math.Round(Math.Clamp(value, min, Math.Max(min, max)), 3);

    // As OpenAI computes it: text bytes over zlib-compressed bytes; high values mean repetitive output.
    private static double CompressionRatio(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0)
        {
            return 0;
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(bytes);
        }

        return Math.Round((double)bytes.Length / compressed.Length, 4);
    }
}
