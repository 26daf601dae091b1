using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace VideoFunctions.Whisper.Audio;

/// <summary>
/// Any audio (or video) file ffmpeg reads → the 16 kHz mono 16-bit WAV whisper.cpp takes. ffmpeg runs
/// without a shell (ArgumentList), reads only local files, writes at most the longest allowed duration plus
/// a second (so an over-long upload is detected without decoding all of it), and is killed past its timeout.
/// </summary>
public sealed class AudioConverter(IOptions<WhisperServerOptions> options)
{
    public const int SampleRate = 16000;
    private const int WavHeaderBytes = 44;
    private const int BytesPerSecond = SampleRate * 2;

    /// <exception cref="UnreadableAudioException">ffmpeg could not read an audio stream from the file.</exception>
    /// <exception cref="AudioTooLongException">The audio is longer than <see cref="WhisperServerOptions.MaxAudioDuration"/>.</exception>
    public async Task<ConvertedAudio> ToWhisperWavAsync(string input, string output, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var start = new ProcessStartInfo(settings.FFmpegPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(input, output, settings.MaxAudioDuration))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{settings.FFmpegPath} did not start");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.FFmpegTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new UnreadableAudioException($"converting it took longer than {settings.FFmpegTimeout}");
        }

        if (process.ExitCode != 0 || !File.Exists(output))
        {
            throw new UnreadableAudioException(LastLine(await errors) ?? $"ffmpeg exited with {process.ExitCode}");
        }

        var duration = TimeSpan.FromSeconds((double)(new FileInfo(output).Length - WavHeaderBytes) / BytesPerSecond);
        return duration > settings.MaxAudioDuration
            ? throw new AudioTooLongException(settings.MaxAudioDuration)
            : duration <= TimeSpan.Zero ? throw new UnreadableAudioException("it holds no audio samples") : new ConvertedAudio(output, duration);
    }

    /// <summary>The ffmpeg command line, as a list (golden-tested).</summary>
    public static IReadOnlyList<string> Arguments(string input, string output, TimeSpan maxDuration) =>
    [
        "-nostdin", "-hide_banner", "-loglevel", "error",
        "-protocol_whitelist", "file",
        "-i", input,
        "-map", "0:a:0",
        "-t", (maxDuration + TimeSpan.FromSeconds(1)).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        "-ac", "1", "-ar", SampleRate.ToString(CultureInfo.InvariantCulture), "-c:a", "pcm_s16le",
        "-f", "wav", "-y", output,
    ];

    private static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
}
