using Microsoft.Extensions.Options;
using OpenAI.Audio;
using VideoPipeline.Domain;
using VideoPipeline.Media.FFmpeg;

namespace VideoPipeline.Providers.AzureOpenAI.Transcription;

/// <summary>
/// Whisper on Azure OpenAI through the SDK's <see cref="AudioClient"/>: verbose transcription with word and
/// segment timestamps, read into the shared <see cref="Transcript"/> (narration checks and captions).
/// Audio over the upload limit is sent as 16 kHz mono FLAC.
/// </summary>
public sealed class AzureOpenAISpeechToText(AzureOpenAIRouter router, IOptions<AzureOpenAITranscriptionOptions> options, IFFmpegRunner ffmpeg) : ISpeechToText
{
    public const string Operation = "audio.transcriptions";

    public string Name => "azure-openai/" + (options.Value.Deployments.FirstOrDefault()?.Deployment ?? "whisper");

    public async Task<Transcript> TranscribeAsync(string audioPath, TranscriptionOptions transcriptionOptions, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var upload = audioPath;
        if (new FileInfo(audioPath).Length > o.MaxUploadBytes)
        {
            upload = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(audioPath))!, $"{Path.GetFileNameWithoutExtension(audioPath)}.{Guid.NewGuid():N}.flac");
            var args = FFmpegArguments.Create();
            args.AddInput(FFmpegInput.File(audioPath));
            args.AddOutput(upload, a => a.NoVideo().MapStream("0:a:0").SampleRate(16000).Channels(1).AudioCodec("flac"));
            await ffmpeg.RunAsync(args, cancellationToken: cancellationToken);
        }

        try
        {
            var settings = new AudioTranscriptionOptions
            {
                ResponseFormat = AudioTranscriptionFormat.Verbose,
                TimestampGranularities = AudioTimestampGranularities.Word | AudioTimestampGranularities.Segment,
                Language = Iso639(transcriptionOptions.Language),
            };
            var answer = await router.CallAsync(
                Operation,
                o.Deployments,
                o.Timeout,
                async (client, deployment, token) =>
                {
                    await using var audio = File.OpenRead(upload);
                    return (await client.GetAudioClient(deployment.Deployment).TranscribeAudioAsync(audio, Path.GetFileName(upload), settings, token)).Value;
                },
                cancellationToken);
            var transcript = ToTranscript(answer.Value);
            var heard = transcript.Segments.Select(s => s.End).Concat(transcript.Words.Select(w => w.End)).DefaultIfEmpty(0).Max();
            AzureOpenAIUsage.Record(Operation, answer.Deployment, o, router.Currency, answer.Elapsed, new Dictionary<string, double>
            {
                ["audio_seconds"] = Math.Round(answer.Value.Duration?.TotalSeconds ?? heard, 3),
            });
            return transcript;
        }
        finally
        {
            if (upload != audioPath)
            {
                File.Delete(upload);
            }
        }
    }

    private static Transcript ToTranscript(AudioTranscription result) => new()
    {
        Text = result.Text?.Trim() ?? string.Empty,
        Language = result.Language,
        Segments = [.. result.Segments.Select(s => new TranscriptSegment(s.StartTime.TotalSeconds, s.EndTime.TotalSeconds, s.Text?.Trim() ?? string.Empty))],
        Words = [.. result.Words
            .Select(w => new TranscriptWord(w.Word?.Trim() ?? string.Empty, w.StartTime.TotalSeconds, w.EndTime.TotalSeconds, null))
            .Where(w => w.Word.Length > 0)],
    };

    // Whisper takes ISO-639-1: "en-US" -> "en"; anything unrecognisable is left for the service to detect.
    private static string? Iso639(string? language)
    {
        var code = language?.Split('-', '_')[0].Trim().ToLowerInvariant();
        return code is { Length: 2 or 3 } && code.All(char.IsAsciiLetterLower) ? code : null;
    }
}
