using System.Text.RegularExpressions;

namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>Fills "{slot}" templates. A template whose slot has no value is skipped, never half-filled.</summary>
internal static partial class TemplateText
{
    public static string? Fill(string template, IReadOnlyDictionary<string, string?> slots, bool closeSentence = true)
    {
        var missing = false;
        var filled = Slot().Replace(template, m =>
        {
            if (slots.TryGetValue(m.Groups[1].Value, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            missing = true;
            return "";
        });

        return missing ? null : SentencePolish.Polish(filled, closeSentence);
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Slot();
}
