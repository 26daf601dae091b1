using System.Globalization;
using System.Text.RegularExpressions;
using VideoPipeline.Domain;

namespace VideoPipeline.Providers.Offline.Speech;

/// <summary>
/// Maps seed 002's voice_settings onto what festival's HTS engine can do: a speech rate and a pitch
/// shift. Whatever cannot be honoured is listed in <see cref="Ignored"/> (it ends up in the manifest).
/// </summary>
public sealed partial record VoiceTuning(string Voice, double Rate, double PitchSemitones, IReadOnlyList<string> Applied, IReadOnlyList<string> Ignored)
{
    private static readonly Dictionary<string, (double Rate, double Pitch)> Emotions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["neutral"] = (1.00, 0),
        ["professional"] = (1.00, 0),
        ["serious"] = (0.97, -0.5),
        ["energetic"] = (1.08, 1.0),
        ["excited"] = (1.10, 1.5),
        ["happy"] = (1.05, 1.0),
        ["cheerful"] = (1.05, 1.0),
        ["calm"] = (0.93, -0.5),
        ["soothing"] = (0.90, -1.0),
        ["relaxed"] = (0.93, -0.5),
        ["sad"] = (0.90, -1.5),
        ["warm"] = (0.97, -0.5),
    };

    public static VoiceTuning From(VoiceSettings settings, string defaultVoice)
    {
        var applied = new List<string>();
        var ignored = new List<string>();
        var voice = defaultVoice;

        if (!string.IsNullOrWhiteSpace(settings.VoiceId))
        {
            if (VoiceName().IsMatch(settings.VoiceId))
            {
                voice = settings.VoiceId;
                applied.Add($"voice_id={voice}");
            }
            else
            {
                ignored.Add($"voice_id '{settings.VoiceId}' is not an offline festival voice; used {defaultVoice}");
            }
        }

        if (!string.IsNullOrWhiteSpace(settings.Language) && !settings.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            ignored.Add($"language '{settings.Language}' has no offline voice; spoke English");
        }

        var rate = Math.Clamp(settings.Speed, 0.5, 2.0);
        if (Math.Abs(rate - settings.Speed) > 1e-9)
        {
            ignored.Add(Invariant($"speed {settings.Speed} is outside 0.5-2.0; used {rate}"));
        }

        var pitch = 0.0;
        if (!string.IsNullOrWhiteSpace(settings.Emotion))
        {
            if (Emotions.TryGetValue(settings.Emotion.Trim(), out var e))
            {
                rate *= e.Rate;
                pitch = e.Pitch;
                applied.Add(Invariant($"emotion={settings.Emotion.Trim().ToLowerInvariant()} (rate x{e.Rate:0.00}, pitch {e.Pitch:+0.0;-0.0;0} semitones)"));
            }
            else
            {
                ignored.Add($"emotion '{settings.Emotion}' has no offline mapping; spoke neutrally");
            }
        }

        applied.Add(Invariant($"rate={rate:0.00}"));
        return new VoiceTuning(voice, rate, pitch, applied, ignored);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Festival voice names are lower-case identifiers; anything else never reaches a Scheme -eval.
    [GeneratedRegex("^[a-z][a-z0-9_]{1,63}$")]
    private static partial Regex VoiceName();
}
