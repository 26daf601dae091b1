using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Providers.Http;
using VideoPipeline.Providers.Usage;

namespace VideoPipeline.Providers.Whisper;

public enum WhisperServerKind
{
    /// <summary>POST /v1/audio/transcriptions (speaches / faster-whisper), OpenAI's multipart contract.</summary>
    OpenAICompatible,

    /// <summary>POST /inference of the whisper.cpp server.</summary>
    WhisperCpp,
}

/// <summary>
/// Speech to text on a Whisper GPU container (api-contracts.md §4): the audio goes up as multipart with
/// <c>response_format=verbose_json</c> (and word granularity where the server has it), and both servers'
/// answers become the same <see cref="Transcript"/>. Each call records its audio seconds and wall time.
/// </summary>
public sealed class WhisperSpeechToText : ISpeechToText
{
    private readonly WhisperServerKind kind;
    private readonly WhisperOptions options;
    private readonly ProviderHttpPipeline http;
    private readonly IFFmpegRunner ffmpeg;
    private readonly ProviderPricing pricing;
    private readonly TimeProvider time;

    public WhisperSpeechToText(
        WhisperServerKind kind,
        IOptions<WhisperOptions> options,
        IHttpClientFactory httpClients,
        IFFmpegRunner ffmpeg,
        ProviderPricing pricing,
        TimeProvider time,
        ILogger<WhisperSpeechToText> logger)
    {
        this.kind = kind;
        this.options = options.Value;
        this.ffmpeg = ffmpeg;
        this.pricing = pricing;
        this.time = time;
        this.Name = kind == WhisperServerKind.WhisperCpp ? "whisper-cpp" : $"whisper-openai/{this.options.Model}";
        this.http = new ProviderHttpPipeline(
            kind == WhisperServerKind.WhisperCpp ? "whisper.cpp" : "Whisper", WhisperOptions.Section, httpClients, this.options, logger);
    }

    public string Name { get; }

    public async Task<Transcript> TranscribeAsync(string audioPath, TranscriptionOptions transcriptionOptions, CancellationToken cancellationToken)
    {
        var model = this.Model(transcriptionOptions.ModelSize);
        var language = transcriptionOptions.Language.Split('-', '_')[0].ToLowerInvariant();
        var upload = audioPath;
        var started = this.time.GetTimestamp();
        try
        {
            if (this.kind == WhisperServerKind.WhisperCpp && this.options.ConvertToWav)
            {
                upload = await this.ToWavAsync(audioPath, cancellationToken);
            }

            var path = this.kind == WhisperServerKind.WhisperCpp ? this.options.InferencePath : this.options.TranscriptionsPath;
            using var response = await this.http.SendAsync(
                $"POST /{path.TrimStart('/')}",
                server => new HttpRequestMessage(HttpMethod.Post, new Uri(server, path.TrimStart('/'))) { Content = this.Form(upload, model, language) },
                cancellationToken);
            await response.EnsureSuccessAsync(cancellationToken);
            var json = await response.ReadJsonAsync(cancellationToken);

            // whisper.cpp reports some failures as {"error": …} with status 200.
            if (json is JsonObject answer && answer["error"] is not null)
            {
                throw new PermanentPipelineException(
                    ProviderErrorCodes.Refused, $"{this.http.Service} refused {Path.GetFileName(audioPath)}: {ProviderResponse.ErrorText(answer.ToJsonString())}");
            }

            var (transcript, duration) = WhisperVerboseJson.Parse(json, response.BadResponse);
            this.RecordUsage(model, duration ?? (transcript.Segments.Count > 0 ? transcript.Segments[^1].End : 0), this.time.GetElapsedTime(started).TotalSeconds);
            return transcript;
        }
        finally
        {
            if (!ReferenceEquals(upload, audioPath))
            {
                File.Delete(upload);
            }
        }
    }

    private string? Model(string? modelSize)
    {
        if (this.kind == WhisperServerKind.WhisperCpp)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(modelSize))
        {
            return this.options.Model;
        }

        return this.options.Models.TryGetValue(modelSize, out var model)
            ? model
            : throw new PermanentPipelineException(
                ErrorCodes.InvalidInput, $"model size '{modelSize}' is not one of {string.Join(", ", this.options.Models.Keys)}");
    }

    // Built per attempt: the file stream is read again for each server tried.
    private MultipartFormDataContent Form(string audioPath, string? model, string language)
    {
        var form = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(audioPath));
        file.Headers.ContentType = new MediaTypeHeaderValue(Path.GetExtension(audioPath).Equals(".wav", StringComparison.OrdinalIgnoreCase) ? "audio/wav" : "application/octet-stream");
        form.Add(file, "file", Path.GetFileName(audioPath));
        if (model is not null)
        {
            form.Add(new StringContent(model), "model");
        }

        form.Add(new StringContent(language), "language");
        form.Add(new StringContent("verbose_json"), "response_format");
        if (this.kind == WhisperServerKind.OpenAICompatible)
        {
            // Repeated, with the brackets in the name, as the OpenAI contract has it; words need verbose_json.
            form.Add(new StringContent("word"), "timestamp_granularities[]");
            form.Add(new StringContent("segment"), "timestamp_granularities[]");
        }

        return form;
    }

    private async Task<string> ToWavAsync(string audioPath, CancellationToken cancellationToken)
    {
        var wav = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(audioPath))!, $"{Path.GetFileNameWithoutExtension(audioPath)}.{Guid.NewGuid():N}.16k.wav");
        var args = FFmpegArguments.Create();
        args.AddInput(FFmpegInput.File(audioPath));
        args.AddOutput(wav, o => o.NoVideo().MapStream("0:a:0").SampleRate(16000).Channels(1).AudioCodec("pcm_s16le"));
        await this.ffmpeg.RunAsync(args, cancellationToken: cancellationToken);
        return wav;
    }

    // A container's GPU is busy for the whole request, so its wall time stands for GPU time.
    private void RecordUsage(string? model, double audioSeconds, double wallSeconds) =>
        UsageLedger.Record(this.pricing.Price(new ProviderUsage
        {
            Provider = this.Name.Split('/')[0],
            Model = model,
            Operation = "transcribe",
            Units = new Dictionary<string, double> { ["audio_seconds"] = audioSeconds, ["gpu_seconds"] = Math.Round(wallSeconds, 3) },
            WallSeconds = Math.Round(wallSeconds, 3),
        }));
}
