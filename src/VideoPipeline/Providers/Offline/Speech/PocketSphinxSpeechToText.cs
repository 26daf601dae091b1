using System.Globalization;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Media;
using VideoPipeline.Media.FFmpeg;

namespace VideoPipeline.Providers.Offline.Speech;

/// <summary>
/// Offline STT with word times: the audio is resampled to the 16 kHz mono PCM pocketsphinx's
/// en-us model expects, then decoded with <c>pocketsphinx_continuous -time yes</c>.
/// </summary>
public sealed class PocketSphinxSpeechToText(IOptions<PocketSphinxOptions> options, IFFmpegRunner ffmpeg) : ISpeechToText
{
    public string Name => "pocketsphinx/en-us";

    public async Task<Transcript> TranscribeAsync(string audioPath, TranscriptionOptions transcriptionOptions, CancellationToken cancellationToken)
    {
        if (!transcriptionOptions.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            throw new PermanentPipelineException(
                ErrorCodes.InvalidInput,
                $"language '{transcriptionOptions.Language}' is not supported by the offline recognizer (English only)");
        }

        var pcm = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(audioPath))!, Path.GetFileNameWithoutExtension(audioPath) + $".{Guid.NewGuid():N}.16k.wav");
        try
        {
            var args = FFmpegArguments.Create();
            args.AddInput(FFmpegInput.File(audioPath));
            args.AddOutput(pcm, o => o.NoVideo().MapStream("0:a:0").SampleRate(16000).Channels(1).AudioCodec("pcm_s16le"));
            await ffmpeg.RunAsync(args, cancellationToken: cancellationToken);

            var o = options.Value;
            var argv = new List<string>
            {
                "-infile", pcm, "-time", "yes", "-logfn", "/dev/null",
                "-maxhmmpf", o.MaxHmmsPerFrame.ToString(CultureInfo.InvariantCulture),
                "-maxwpf", o.MaxWordsPerFrame.ToString(CultureInfo.InvariantCulture),
                "-fwdflat", o.RescoringPasses ? "yes" : "no",
                "-bestpath", o.RescoringPasses ? "yes" : "no",
            };
            AddIfSet(argv, "-hmm", o.AcousticModel);
            AddIfSet(argv, "-lm", o.LanguageModel);
            AddIfSet(argv, "-dict", o.Dictionary);
            var result = await ExternalProcess.RunAsync(o.ExecutablePath, argv, new ProcessRunOptions { Timeout = o.Timeout }, cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new ExternalToolException("pocketsphinx", CommandLine.Format(o.ExecutablePath, argv), result.ExitCode, result.StderrTail);
            }

            return PocketSphinxOutputParser.Parse(result.Stdout);
        }
        finally
        {
            File.Delete(pcm);
        }
    }

    private static void AddIfSet(List<string> argv, string flag, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            argv.Add(flag);
            argv.Add(value);
        }
    }
}
