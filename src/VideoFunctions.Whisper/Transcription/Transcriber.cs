using Microsoft.Extensions.Options;
using VideoFunctions.Whisper.Audio;
using VideoFunctions.Whisper.Model;
using Whisper.net;

namespace VideoFunctions.Whisper.Transcription;

/// <summary>
/// Runs transcriptions on the shared model, <see cref="WhisperServerOptions.MaxConcurrentTranscriptions"/> at a
/// time; a request is admitted before its upload is read, so a full queue costs the caller one 429, not an upload.
/// </summary>
public sealed class Transcriber(WhisperModel model, IOptions<WhisperServerOptions> options, ILogger<Transcriber> logger) : IDisposable
{
    private readonly SemaphoreSlim slots = new(Math.Max(1, options.Value.MaxConcurrentTranscriptions));
    private int admitted;

    /// <summary>A place in line, or null when the running and waiting requests are at their limits.</summary>
    public IDisposable? Admit()
    {
        var limit = Math.Max(1, options.Value.MaxConcurrentTranscriptions) + Math.Max(0, options.Value.MaxQueuedRequests);
        if (Interlocked.Increment(ref this.admitted) <= limit)
        {
            return new Admission(this);
        }

        Interlocked.Decrement(ref this.admitted);
        WhisperServerLog.Busy(logger, options.Value.MaxQueuedRequests);
        return null;
    }

    /// <summary>Null when the language is usable with this model, else why not.</summary>
    public string? CheckLanguage(string language)
    {
        if (!WhisperFactory.GetSupportedLanguages().Contains(language, StringComparer.Ordinal))
        {
            return $"'{language}' is not an ISO-639-1 code Whisper knows";
        }

        return model.Info.HyperParameters.IsMultilingual || language == "en" ? null : "this server's model is English-only";
    }

    public async Task<VerboseTranscription> TranscribeAsync(ConvertedAudio audio, TranscriptionRequest request, CancellationToken cancellationToken)
    {
        await this.slots.WaitAsync(cancellationToken);
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            var threads = options.Value.Threads > 0 ? options.Value.Threads : Environment.ProcessorCount;
            var builder = model.CreateBuilder().WithTokenTimestamps().WithThreads(threads).WithTemperature(request.Temperature);
            builder = request.Language is { } language ? builder.WithLanguage(language) : builder.WithLanguageDetection();
            if (!string.IsNullOrWhiteSpace(request.Prompt))
            {
                builder = builder.WithPrompt(request.Prompt);
            }

            var segments = new List<SegmentData>();
            await using (var processor = builder.Build())
            await using (var wav = File.OpenRead(audio.Path))
            {
                await foreach (var segment in processor.ProcessAsync(wav, cancellationToken))
                {
                    segments.Add(segment);
                }
            }

            var result = TranscriptBuilder.Build(segments, audio.Duration, request);
            var elapsed = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
            WhisperServerLog.Transcribed(logger, result.Duration, elapsed, segments.Count, result.Words?.Count ?? 0, result.Language, request.RequestedModel);
            return result;
        }
        finally
        {
            this.slots.Release();
        }
    }

    public void Dispose() => this.slots.Dispose();

    private sealed class Admission(Transcriber owner) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref this.disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner.admitted);
            }
        }
    }
}
