using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.Offline.Moderation;

/// <summary>Offline moderation: a configurable list of blocked phrases, each with a category.</summary>
public sealed class BlocklistContentModerator : IContentModerator
{
    private readonly List<(string Category, Regex Pattern)> rules;

    public BlocklistContentModerator(IOptions<ModerationOptions> options)
    {
        this.rules = options.Value.Blocklist
            .Where(entry => !string.IsNullOrWhiteSpace(entry))
            .Select(Rule)
            .ToList();
    }

    public string Name => "blocklist";

    public Task<ModerationResult> CheckTextAsync(string text, CancellationToken cancellationToken)
    {
        var normalized = Normalize(text);
        var categories = this.rules
            .Where(rule => rule.Pattern.IsMatch(normalized))
            .Select(rule => rule.Category)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new ModerationResult(categories.Count > 0, categories));
    }

    private static (string, Regex) Rule(string entry)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        var category = colon > 0 ? entry[..colon].Trim() : "blocklist";
        var words = Normalize(colon > 0 ? entry[(colon + 1)..] : entry)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(Regex.Escape);
        var pattern = @"(?<![\p{L}\p{N}])" + string.Join(@"\s+", words) + @"(?![\p{L}\p{N}])";
        return (category, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1)));
    }

    // Lower case, accents folded, punctuation to spaces: "B.O.M.B" tricks are out of scope, "Bómb" is not.
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return builder.ToString();
    }
}
