using System.Text.RegularExpressions;

namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>Regex rules that find a prompt's format, subject and theme. No model, so results are stable.</summary>
internal static partial class PromptParser
{
    private const string FormatNouns =
        "ad|ads|advert|advertisement|commercial|promo|promotion|teaser|tutorial|explainer|walkthrough|guide|lesson|"
        + "story|short[\\s-]film|film|tale|fable|narrative|documentary|doc|video|clip|reel|short|spot|montage|piece|"
        + "presentation|overview|introduction|intro|launch";

    private const string LeadAdjectives =
        "quick|short|brief|simple|fun|cinematic|social|instagram|tiktok|youtube|vertical|animated|upbeat|professional|energetic|little|catchy|emotional|playful|new|modern|minimal|heartwarming|beautiful|inspiring|motivational|funny|epic|dramatic|calm|relaxing|cozy|retro|vintage|bold|sleek|lively|engaging|product|promotional|educational|informative";

    private const string Connectors =
        "for|about|on|of|showing|featuring|introducing|explaining|promoting|advertising|highlighting|where|that shows|in which";

    private static readonly HashSet<string> ThemeConnectors = new(StringComparer.OrdinalIgnoreCase)
    {
        "showing", "featuring", "highlighting", "where", "that shows", "in which",
    };

    public static PromptParts Parse(string prompt)
    {
        var text = Collapse(DurationPhrase().Replace(Collapse(SpokenText.FoldAccents(prompt)), " ")).TrimEnd('.', '!', '?', ' ');

        // A shouted prompt says nothing through its capitals, and "COFFEE" should not reach a shot description.
        if (text.Count(char.IsUpper) * 2 > text.Count(char.IsLetter))
        {
            text = text.ToLowerInvariant();
        }

        var format = DetectFormat(text);
        var (rest, connector) = StripLead(text);

        string subject;
        string? theme = null, plot = null, audience = null;
        if (connector is not null && ThemeConnectors.Contains(connector))
        {
            // "An ad showing a family enjoying pizza": everything is the theme; the subject is found in it later.
            subject = "";
            theme = rest;
        }
        else if (HowTo().Match(rest) is { Success: true } howTo)
        {
            // A how-to task reads as one phrase; only an audience ("for beginners") is split off.
            (subject, audience) = SplitAudience(rest[howTo.Index..]);
        }
        else
        {
            (subject, theme, plot, audience) = SplitSubject(rest);
        }

        if (string.IsNullOrWhiteSpace(subject))
        {
            subject = theme ?? plot ?? text;
        }

        // "A 30-second ad" says what kind of video, not what it is about; "A coffee ad" names coffee.
        subject = FormatOnly().IsMatch(subject) ? "" : TrailingFormatNoun().Replace(subject, "");

        return new PromptParts
        {
            Format = format,
            Subject = subject.Trim(' ', ',', ';', ':'),
            Theme = Tidy(theme),
            Plot = Tidy(plot),
            Audience = Tidy(audience),
            Text = text,
            BrandWords = BrandWordFinder.Find(text),
        };
    }

    /// <summary>The format whose keyword appears first; documentary when none does.</summary>
    internal static VideoFormat DetectFormat(string text)
    {
        var candidates = new (VideoFormat Format, Match Match)[]
        {
            (VideoFormat.Ad, AdWords().Match(text)),
            (VideoFormat.Tutorial, TutorialWords().Match(text)),
            (VideoFormat.Story, StoryWords().Match(text)),
            (VideoFormat.Documentary, DocumentaryWords().Match(text)),
        };

        return candidates.Where(c => c.Match.Success).OrderBy(c => c.Match.Index).Select(c => c.Format).FirstOrDefault();
    }

    private static (string Remainder, string? Connector) StripLead(string text)
    {
        var match = StrictLead().Match(text);
        if (!match.Success)
        {
            match = LooseLead().Match(text);
        }

        if (!match.Success)
        {
            return (text, null);
        }

        var connector = match.Groups["connector"];
        return (match.Groups["rest"].Value, connector.Success ? Collapse(connector.Value) : null);
    }

    private static (string Subject, string? Theme, string? Plot, string? Audience) SplitSubject(string rest)
    {
        var marker = SubjectSplit().Match(rest);
        if (!marker.Success)
        {
            return (rest, null, null, null);
        }

        var subject = rest[..marker.Index];
        var tail = rest[(marker.Index + marker.Length)..];
        var word = marker.Groups["marker"].Value.ToLowerInvariant();
        return word switch
        {
            "who" or "that" or "which" => (subject, null, tail, null),
            "for" => (subject, null, null, tail),

            // After a bare comma only an appositive ("Mia, a young painter") is a theme; ", 50% off" is not.
            "" when !Words.StartsWithDeterminer(tail) => (subject, null, null, null),
            _ => (subject, tail, null, null),
        };
    }

    private static (string Subject, string? Audience) SplitAudience(string task)
    {
        var index = task.IndexOf(" for ", StringComparison.OrdinalIgnoreCase);
        return index > 0 ? (task[..index], task[(index + 5)..]) : (task, null);
    }

    private static string? Tidy(string? part)
    {
        var trimmed = part?.Trim(' ', ',', ';', ':');
        return string.IsNullOrWhiteSpace(trimmed) ? null : trimmed;
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    // "30-second", "1.5 minute", "thirty second long", "45s". A bare "a second" is left alone ("a second chance").
    [GeneratedRegex(
        @"\b(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty[\s-]five|fifty|sixty|ninety|half)[\s-]*(?:seconds?|secs?|s|minutes?|mins?|m|hours?)\b(?:[\s-]+long\b)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPhrase();

    [GeneratedRegex(@"\b(?:ad|ads|advert|advertisement|commercial|promo|promotional|promotion|teaser|launch)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdWords();

    [GeneratedRegex(@"\b(?:tutorial|how[\s-]to|explainer|walkthrough|guide|lesson|step[\s-]by[\s-]step)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TutorialWords();

    [GeneratedRegex(@"\b(?:story|stories|short[\s-]film|tale|fable|narrative)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StoryWords();

    [GeneratedRegex(@"\b(?:documentary|doc)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DocumentaryWords();

    [GeneratedRegex(@"\bhow to\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HowTo();

    // "A quick, fun ad for ...": an article, known adjectives, a format noun, then an optional connector.
    [GeneratedRegex(
        @"^(?:(?:a|an|the|one|my|our|some)\s+)?(?:(?:" + LeadAdjectives + @")[\s,]+)*(?:"
        + FormatNouns + @")(?:\s+(?:video|clip|spot|film|reel|series|piece|ad))?(?:\s+(?<connector>" + Connectors + @"))?\s+(?<rest>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrictLead();

    // "Product launch video for ...": up to three unknown words before the format noun, but then a connector is required.
    [GeneratedRegex(
        @"^(?:[\w'-]+[\s,]+){0,3}?(?:" + FormatNouns + @")(?:\s+(?:video|clip|spot|film|reel|series|piece|ad))?\s+(?<connector>"
        + Connectors + @")\s+(?<rest>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooseLead();

    [GeneratedRegex(
        @"(?:,\s*|\s+)(?<marker>showing|featuring|highlighting|that shows|which shows|where|in which|during|about|with|set in|who|that|which|for)\s+|,\s+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubjectSplit();

    // "A coffee ad" names its subject before the format noun.
    [GeneratedRegex(@"(?<=\w)\s+(?:" + FormatNouns + @")(?:\s+(?:video|clip|spot|film|reel|series|piece|ad))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingFormatNoun();

    [GeneratedRegex(@"^(?:(?:a|an|the|one|my|our)\s+)?(?:(?:" + LeadAdjectives + @")[\s,]+)*(?:" + FormatNouns + @")(?:\s+(?:video|clip|spot|film|reel|series|piece|ad))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormatOnly();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
