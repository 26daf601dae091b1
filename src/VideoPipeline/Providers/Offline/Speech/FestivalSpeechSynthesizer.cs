using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Media;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Audio;

namespace VideoPipeline.Providers.Offline.Speech;

/// <summary>
/// Offline TTS with festival's <c>text2wave</c> and the HTS voice cmu_us_slt_arctic_hts. When a
/// maximum duration is given, speech is re-synthesized faster (up to <see cref="FestivalOptions.MaxFitSpeed"/>)
/// and, as a last resort, time-stretched, so narration always fits its scene.
/// </summary>
public sealed class FestivalSpeechSynthesizer(IOptions<FestivalOptions> options, IFFmpegRunner ffmpeg) : ISpeechSynthesizer
{
    public string Name => "festival/" + options.Value.Voice;

    public async Task<SpeechResult> SynthesizeAsync(SpeechRequest request, string outputPath, CancellationToken cancellationToken)
    {
        var text = FestivalText.Prepare(request.Text);
        if (!text.Any(char.IsLetterOrDigit))
        {
            throw new PermanentPipelineException(ErrorCodes.InvalidInput, "narration text has nothing speakable");
        }

        var tuning = VoiceTuning.From(request.Voice, options.Value.Voice);
        var applied = tuning.Applied.ToList();
        var textFile = outputPath + ".txt";
        await File.WriteAllTextAsync(textFile, text, Encoding.Latin1, cancellationToken);
        try
        {
            var rate = tuning.Rate;
            var duration = await this.RunAsync(tuning.Voice, rate, tuning.PitchSemitones, textFile, outputPath, cancellationToken);

            if (request.MaxDurationSeconds is { } max && duration > max)
            {
                var fitted = Math.Min(rate * duration / max * 1.02, tuning.Rate * options.Value.MaxFitSpeed);
                if (fitted > rate)
                {
                    rate = fitted;
                    duration = await this.RunAsync(tuning.Voice, rate, tuning.PitchSemitones, textFile, outputPath, cancellationToken);
                    applied.Add(Invariant($"sped up to rate={rate:0.00} to fit {max:0.0} s"));
                }

                if (duration > max)
                {
                    duration = await this.StretchAsync(outputPath, duration / max, cancellationToken);
                    applied.Add(Invariant($"time-stretched to fit {max:0.0} s"));
                }
            }

            return new SpeechResult(duration, tuning.Voice, applied, tuning.Ignored);
        }
        finally
        {
            File.Delete(textFile);
        }
    }

    private async Task<double> RunAsync(string voice, double rate, double pitch, string textFile, string outputPath, CancellationToken cancellationToken)
    {
        // Only whitelisted names and invariant numbers reach Scheme; the text itself goes by file.
        string[] args =
        [
            "-o", outputPath,
            "-eval", $"(voice_{voice})",
            "-eval", Invariant($"(set! hts_engine_params (append hts_engine_params (list (list \"-r\" {rate:0.###}) (list \"-fm\" {pitch:0.###}))))"),
            textFile,
        ];
        var result = await ExternalProcess.RunAsync(options.Value.Text2WavePath, args, new ProcessRunOptions { Timeout = options.Value.Timeout }, cancellationToken);
        if (result.ExitCode != 0 || !File.Exists(outputPath))
        {
            throw new ExternalToolException("text2wave", CommandLine.Format(options.Value.Text2WavePath, args), result.ExitCode, result.StderrTail);
        }

        return WavFile.DurationSeconds(outputPath);
    }

    private async Task<double> StretchAsync(string path, double factor, CancellationToken cancellationToken)
    {
        var stretched = path + ".stretched.wav";
        var args = FFmpegArguments.Create();
        args.AddInput(FFmpegInput.File(path));
        var graph = new FilterGraph();
        graph.Chain("0:a").Then("atempo", f => f.With("tempo", Math.Min(factor * 1.01, 2.0))).To("a");
        args.WithFilterGraph(graph).AddOutput(stretched, o => o.Map("a").AudioCodec("pcm_s16le"));
        await ffmpeg.RunAsync(args, cancellationToken: cancellationToken);
        File.Move(stretched, path, overwrite: true);
        return WavFile.DurationSeconds(path);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
