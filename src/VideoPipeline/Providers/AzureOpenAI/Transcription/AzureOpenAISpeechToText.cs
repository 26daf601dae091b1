using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Media.FFmpeg;

namespace VideoPipeline.Providers.AzureOpenAI.Transcription;

/// <summary>
/// Whisper on Azure OpenAI: <c>POST /audio/transcriptions</c> as multipart, verbose_json with word and
/// segment timestamps, read into the shared <see cref="Transcript"/> (narration checks and captions).
/// Audio over the upload limit is sent as 16 kHz mono FLAC.
/// </summary>
public sealed class AzureOpenAISpeechToText(AzureOpenAIClient client, IOptions<AzureOpenAITranscriptionOptions> options, IFFmpegRunner ffmpeg) : ISpeechToText
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
            var language = Iso639(transcriptionOptions.Language);
            var answer = await client.SendForJsonAsync(
                new AzureOpenAICall(Operation, o.Deployments, o.Timeout, d => Form(d, upload, language)),
                cancellationToken);
            var transcript = VerboseJsonTranscript.Parse(answer.Body);
            AzureOpenAIUsage.Record(Operation, answer.Deployment, o, client.Currency, answer.Elapsed, new Dictionary<string, double>
            {
                ["audio_seconds"] = Math.Round(VerboseJsonTranscript.AudioSeconds(answer.Body, transcript), 3),
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

    private static HttpRequestMessage Form(AzureOpenAIDeployment deployment, string path, string? language)
    {
        var file = new StreamContent(File.OpenRead(path));
        file.Headers.ContentType = new MediaTypeHeaderValue(path.EndsWith(".flac", StringComparison.OrdinalIgnoreCase) ? "audio/flac" : "audio/wav");

        // Names are quoted by hand: "timestamp_granularities[]" is not a token, and the service reads the name literally.
        var form = new MultipartFormDataContent
        {
            { file, "\"file\"", Path.GetFileName(path) },
            { new StringContent(deployment.Deployment), "\"model\"" },
            { new StringContent("verbose_json"), "\"response_format\"" },
            { new StringContent("word"), "\"timestamp_granularities[]\"" },
            { new StringContent("segment"), "\"timestamp_granularities[]\"" },
        };
        if (language is not null)
        {
            form.Add(new StringContent(language), "\"language\"");
        }

        return new HttpRequestMessage(HttpMethod.Post, deployment.Url("audio/transcriptions")) { Content = form };
    }

    // Whisper takes ISO-639-1: "en-US" -> "en"; anything unrecognisable is left for the service to detect.
    private static string? Iso639(string? language)
    {
        var code = language?.Split('-', '_')[0].Trim().ToLowerInvariant();
        return code is { Length: 2 or 3 } && code.All(char.IsAsciiLetterLower) ? code : null;
    }
}
