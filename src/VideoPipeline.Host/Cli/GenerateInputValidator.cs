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
        if (string.IsNullOrWhiteSpace(args.Prompt))
        {
            throw new CliUsageException("--prompt must not be empty");
        }

        if (args.Prompt.Length > VideoRequest.MaxPromptLength)
        {
            throw new CliUsageException(Invariant($"--prompt is {args.Prompt.Length:N0} characters; the limit is {VideoRequest.MaxPromptLength:N0}"));
        }

        if (!double.IsFinite(args.Duration) || args.Duration <= 0 || args.Duration > VideoRequest.MaxDurationSeconds)
        {
            throw new CliUsageException(Invariant($"--duration must be greater than 0 and at most {VideoRequest.MaxDurationSeconds} seconds (got {args.Duration})"));
        }

        if (!Resolution.TryParseSupported(args.Resolution, out var resolution))
        {
            throw new CliUsageException($"--resolution must be one of {string.Join(", ", Resolution.Supported)} (got '{OneLine(args.Resolution)}')");
        }

        if (string.IsNullOrWhiteSpace(args.Style))
        {
            throw new CliUsageException("--style must not be empty");
        }

        if (!double.IsFinite(args.Speed) || args.Speed < 0.5 || args.Speed > 2.0)
        {
            throw new CliUsageException(Invariant($"--speed must be between 0.5 and 2.0 (got {args.Speed})"));
        }

        if (args.WordsPerLine is < 1 or > 12)
        {
            throw new CliUsageException($"--words-per-line must be between 1 and 12 (got {args.WordsPerLine})");
        }

        var fit = args.Fit.Trim().ToLowerInvariant() switch
        {
            "cover" => FitMode.Cover,
            "contain" => FitMode.Contain,
            _ => throw new CliUsageException($"--fit must be cover or contain (got '{OneLine(args.Fit)}')"),
        };

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
        if (!TryNumber(timing[0], out var timestamp) || timestamp < 0 || timestamp >= videoDuration)
        {
            throw new CliUsageException(Invariant($"--overlay timestamp must be a number of seconds from 0 to below {videoDuration} (got '{OneLine(value[(at + 1)..])}')"));
        }

        double? duration = null;
        if (timing.Length > 2 || (timing.Length == 2 && (!TryNumber(timing[1], out var d) || d <= 0 || (duration = d) is null)))
        {
            throw new CliUsageException($"--overlay duration must be a positive number of seconds (got '{OneLine(value[(at + 1)..])}')");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > EditingInstruction.MaxTextLength)
        {
            throw new CliUsageException($"--overlay text must be 1 to {EditingInstruction.MaxTextLength} characters");
        }

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

    private static string OneLine(string text)
    {
        var flat = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return flat.Length > 80 ? flat[..77] + "..." : flat;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
