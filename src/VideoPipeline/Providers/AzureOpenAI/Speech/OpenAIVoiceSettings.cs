using System.Globalization;
using VideoPipeline.Domain;

namespace VideoPipeline.Providers.AzureOpenAI.Speech;

/// <summary>
/// Maps seed 002's voice_settings onto /audio/speech: a built-in voice (or a custom "voice_…" id), a speed
/// within 0.25–4.0, and <c>instructions</c> for emotion and language. What cannot be honoured is listed in
/// <see cref="Ignored"/>, as the offline voice does, so it ends up in the manifest.
/// </summary>
internal sealed record OpenAIVoiceSettings(string Voice, bool IsCustomVoice, string? Instructions, double Speed, IReadOnlyList<string> Applied, IReadOnlyList<string> Ignored)
{
    public const double MinSpeed = 0.25;
    public const double MaxSpeed = 4.0;

    public static readonly IReadOnlySet<string> BuiltInVoices = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse", "marin", "cedar",
    };

    public static OpenAIVoiceSettings From(VoiceSettings settings, AzureOpenAISpeechOptions options)
    {
        var applied = new List<string>();
        var ignored = new List<string>();
        var voice = options.DefaultVoice;
        var custom = false;
        var id = settings.VoiceId?.Trim();
        if (!string.IsNullOrEmpty(id))
        {
            if (BuiltInVoices.Contains(id) || id.StartsWith("voice_", StringComparison.Ordinal))
            {
                voice = BuiltInVoices.Contains(id) ? id.ToLowerInvariant() : id;
                custom = !BuiltInVoices.Contains(id);
                applied.Add($"voice_id={voice}");
            }
            else
            {
                ignored.Add($"voice_id '{id}' is not an Azure OpenAI voice; used {options.DefaultVoice}");
            }
        }

        var speed = Math.Clamp(settings.Speed, MinSpeed, MaxSpeed);
        if (Math.Abs(speed - settings.Speed) > 1e-9)
        {
            ignored.Add(Invariant($"speed {settings.Speed} is outside {MinSpeed}-{MaxSpeed}; used {speed}"));
        }

        applied.Add(Invariant($"speed={speed:0.00}"));
        var wishes = new List<string>();
        if (!string.IsNullOrWhiteSpace(settings.Emotion))
        {
            var emotion = settings.Emotion.Trim();
            emotion = emotion.Length > 60 ? emotion[..60] : emotion;
            Wish(wishes, applied, ignored, options, $"Speak in a {emotion} tone.", $"emotion={emotion}");
        }

        if (!string.IsNullOrWhiteSpace(settings.Language) && !settings.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            Wish(wishes, applied, ignored, options, $"The text is in language '{settings.Language.Trim()}'; pronounce it as a native speaker.", $"language={settings.Language.Trim()}");
        }

        return new OpenAIVoiceSettings(voice, custom, wishes.Count > 0 ? string.Join(' ', wishes) : null, speed, applied, ignored);
    }

    private static void Wish(List<string> wishes, List<string> applied, List<string> ignored, AzureOpenAISpeechOptions options, string instruction, string setting)
    {
        if (options.SupportsInstructions)
        {
            wishes.Add(instruction);
            applied.Add(setting + " (as instructions)");
        }
        else
        {
            ignored.Add($"{setting}: this speech deployment takes no instructions");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
