using System.Globalization;
using VideoPipeline.Domain;
using VideoPipeline.Media.Probing;

namespace VideoPipeline.Host.Cli;

/// <summary>
/// Turns typed options into a request, or a one-line <see cref="CliUsageException"/> naming the
/// option. Runs before anything is generated or written, so bad input leaves no files behind.
/// </summary>
public sealed class GenerateInputValidator(IMediaProbe probe)
{
    public async Task<GenerateInput> ValidateAsync(GenerateArguments args, CancellationToken cancellationToken)
    {
        Check(VideoRequestRules.Prompt("--prompt", args.Prompt));
        Check(VideoRequestRules.Duration("--duration", args.Duration));
        Check(VideoRequestRules.Resolution("--resolution", args.Resolution, out var resolution));
        Check(VideoRequestRules.Style("--style", args.Style));
        Check(VideoRequestRules.Speed("--speed", args.Speed));
        Check(VideoRequestRules.WordsPerLine("--words-per-line", args.WordsPerLine));
        Check(VideoRequestRules.Fit("--fit", args.Fit, out var fit));

        var overlays = args.Overlays.Select((o, i) => ParseOverlay(o, args.Duration)).ToList();
        var music = await this.ValidateAudioFileAsync("--music", args.Music, cancellationToken);
        var scriptAudio = await this.ValidateAudioFileAsync("--script-audio", args.ScriptAudio, cancellationToken);
        var output = ValidateOutput(args.Output, args.Prompt);

        var request = new VideoRequest
        {
            Prompt = args.Prompt.Trim(),
            DurationSeconds = args.Duration,
            Style = args.Style.Trim(),
            Resolution = resolution,
            Fit = fit,
            Captions = args.Captions,
            CaptionStyle = new CaptionStyle { WordsPerLine = args.WordsPerLine },
            EditingInstructions = overlays,
            VoiceSettings = new VoiceSettings { VoiceId = args.Voice, Emotion = args.Emotion, Speed = args.Speed },
        };
        return new GenerateInput(request, music, scriptAudio, output);
    }

    /// <summary>"TEXT@SECONDS" or "TEXT@SECONDS+DURATION"; the last '@' splits, so text may contain '@'.</summary>
    internal static EditingInstruction ParseOverlay(string value, double videoDuration)
    {
        var at = value.LastIndexOf('@');
        if (at <= 0)
        {
            throw new CliUsageException($"--overlay must look like TEXT@SECONDS[+DURATION] (got '{OneLine(value)}')");
        }

        var text = value[..at];
        var timing = value[(at + 1)..].Split('+');
        if (!TryNumber(timing[0], out var timestamp))
        {
            throw new CliUsageException($"--overlay timestamp must be a number of seconds (got '{OneLine(value[(at + 1)..])}')");
        }

        Check(VideoRequestRules.OverlayTimestamp("--overlay timestamp", timestamp, videoDuration));

        double? duration = null;
        if (timing.Length > 2 || (timing.Length == 2 && (!TryNumber(timing[1], out var d) || d <= 0 || (duration = d) is null)))
        {
            throw new CliUsageException($"--overlay duration must be a positive number of seconds (got '{OneLine(value[(at + 1)..])}')");
        }

        Check(VideoRequestRules.OverlayText("--overlay text", text));

        return new EditingInstruction { Type = EditingInstruction.TextOverlay, Text = text, Timestamp = timestamp, Duration = duration };
    }

    private async Task<string?> ValidateAudioFileAsync(string option, string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new CliUsageException($"{option}: file '{OneLine(path)}' does not exist");
        }

        try
        {
            var info = await probe.ProbeAsync(full, cancellationToken);
            return info.HasAudio && info.DurationSeconds is > 0
                ? full
                : throw new CliUsageException($"{option}: '{OneLine(path)}' has no audio stream");
        }
        catch (MediaProbeException)
        {
            throw new CliUsageException($"{option}: '{OneLine(path)}' is not a media file with an audio stream");
        }
    }

    // The output folder is created and proven writable now, so a job never fails at the very end.
    private static string ValidateOutput(string? output, string prompt)
    {
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(output) ? Path.Combine("out", Slug.From(prompt) + ".mp4") : output);
        if (!path.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) || Path.GetFileNameWithoutExtension(path).Length == 0)
        {
            throw new CliUsageException($"--out must name an .mp4 file (got '{OneLine(output ?? path)}')");
        }

        if (Directory.Exists(path))
        {
            throw new CliUsageException($"--out '{OneLine(output ?? path)}' is a directory; name an .mp4 file");
        }

        var directory = Path.GetDirectoryName(path)!;
        var probeFile = Path.Combine(directory, $".write-test-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(probeFile, []);
            File.Delete(probeFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--out: cannot write to '{OneLine(directory)}' ({OneLine(e.Message)})");
        }

        return path;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static void Check(string? error)
    {
        if (error is not null)
        {
            throw new CliUsageException(error);
        }
    }

    private static string OneLine(string text) => VideoRequestRules.OneLine(text);
}
