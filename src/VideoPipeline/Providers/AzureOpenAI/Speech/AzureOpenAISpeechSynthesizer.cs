using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Media.Audio;
using VideoPipeline.Media.FFmpeg;

namespace VideoPipeline.Providers.AzureOpenAI.Speech;

/// <summary>
/// TTS with the v1 <c>POST /audio/speech</c> (response_format wav) on the SDK pipeline: the GA SDK (2.1) refuses
/// speech generation, so the request is written here and sent with the SDK's credentials and retry policy. Narration longer than one request is split
/// at sentence boundaries and the parts joined. Like the offline voice, a maximum duration is met by
/// asking again at a faster speed (up to <see cref="AzureOpenAISpeechOptions.MaxFitSpeed"/>), then by
/// time-stretching with FFmpeg.
/// </summary>
public sealed class AzureOpenAISpeechSynthesizer(AzureOpenAIRouter router, IOptions<AzureOpenAISpeechOptions> options, IFFmpegRunner ffmpeg) : ISpeechSynthesizer
{
    public const string Operation = "audio.speech";

    public string Name => "azure-openai/" + (options.Value.Deployments.FirstOrDefault()?.Deployment ?? "tts");

    public async Task<SpeechResult> SynthesizeAsync(SpeechRequest request, string outputPath, CancellationToken cancellationToken)
    {
        var text = request.Text.Trim();
        if (!text.Any(char.IsLetterOrDigit))
        {
            throw new PermanentPipelineException(ErrorCodes.InvalidInput, "narration text has nothing speakable");
        }

        var o = options.Value;
        var voice = OpenAIVoiceSettings.From(request.Voice, o);
        var applied = voice.Applied.ToList();
        var chunks = NarrationSplitter.Split(text, o.MaxChunkCharacters);
        if (chunks.Count > 1)
        {
            applied.Add($"split into {chunks.Count} requests at sentence boundaries");
        }

        var speed = voice.Speed;
        var duration = await this.SpeakAsync(chunks, voice, speed, outputPath, cancellationToken);
        if (request.MaxDurationSeconds is { } max && duration > max)
        {
            var fitted = Math.Min(Math.Min(speed * duration / max * 1.02, speed * o.MaxFitSpeed), OpenAIVoiceSettings.MaxSpeed);
            if (fitted > speed + 1e-3)
            {
                speed = fitted;
                duration = await this.SpeakAsync(chunks, voice, speed, outputPath, cancellationToken);
                applied.Add(Invariant($"sped up to speed={speed:0.00} to fit {max:0.0} s"));
            }

            if (duration > max)
            {
                var stretched = outputPath + ".stretched.wav";
                await WavJoiner.JoinAsync(ffmpeg, [outputPath], stretched, duration / max * 1.01, cancellationToken);
                File.Move(stretched, outputPath, overwrite: true);
                duration = WavFile.DurationSeconds(outputPath);
                applied.Add(Invariant($"time-stretched to fit {max:0.0} s"));
            }
        }

        return new SpeechResult(duration, voice.Voice, applied, voice.Ignored);
    }

    private async Task<double> SpeakAsync(IReadOnlyList<string> chunks, OpenAIVoiceSettings voice, double speed, string outputPath, CancellationToken cancellationToken)
    {
        if (chunks.Count == 1)
        {
            await this.RequestAsync(chunks[0], voice, speed, outputPath, cancellationToken);
            return WavFile.DurationSeconds(outputPath);
        }

        var parts = chunks.Select((_, i) => $"{outputPath}.part{i}.wav").ToList();
        try
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                await this.RequestAsync(chunks[i], voice, speed, parts[i], cancellationToken);
            }

            await WavJoiner.JoinAsync(ffmpeg, parts, outputPath, tempo: 1, cancellationToken);
            return WavFile.DurationSeconds(outputPath);
        }
        finally
        {
            parts.ForEach(File.Delete);
        }
    }

    private async Task RequestAsync(string text, OpenAIVoiceSettings voice, double speed, string path, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var answer = await router.SendAsync(
            new AzureOpenAICall(Operation, o.Deployments, o.Timeout, d =>
            {
                var body = new JsonObject
                {
                    ["model"] = d.Deployment,
                    ["input"] = text,
                    ["voice"] = voice.IsCustomVoice ? new JsonObject { ["id"] = voice.Voice } : voice.Voice,
                    ["response_format"] = "wav",
                    ["speed"] = Math.Round(speed, 3),
                };
                if (voice.Instructions is not null)
                {
                    body["instructions"] = voice.Instructions;
                }

                return AzureOpenAIRequest.Post(d.Url("audio/speech"), body);
            }),
            cancellationToken);

        // A part is at most MaxChunkCharacters of speech (a few MB of WAV), so it is read whole.
        await File.WriteAllBytesAsync(path, answer.Message.Content.ToMemory(), cancellationToken);
        double seconds;
        try
        {
            seconds = WavFile.DurationSeconds(path);
        }
        catch (Exception e) when (e is FormatException or EndOfStreamException)
        {
            throw AzureOpenAIRouter.UnexpectedAnswer(Operation, answer.Deployment, $"the audio is not a WAV file ({e.Message})");
        }

        AzureOpenAIUsage.Record(Operation, answer.Deployment, o, router.Currency, answer.Elapsed, new Dictionary<string, double>
        {
            ["characters"] = text.Length,
            ["audio_seconds"] = Math.Round(seconds, 3),
        });
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
