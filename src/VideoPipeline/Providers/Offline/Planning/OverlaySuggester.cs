using System.Globalization;
using VideoPipeline.Domain;

namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// The overlay a plan suggests: an ad's call to action over its last scene (seed 002's "Try it today!"),
/// or a short title over the first scene of anything else. Both stay inside the video.
/// </summary>
internal static class OverlaySuggester
{
    public const int MaxTitleLength = 40;

    private const double LeadIn = 1.0;
    private const double EndMargin = 0.2;
    private const double TitleLeadIn = 0.5;
    private const double MinOverlaySeconds = 0.5;

    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "with", "at", "by", "from",
    };

    public static IReadOnlyList<EditingInstruction> Suggest(PlanContext context, IReadOnlyList<Scene> scenes, double totalSeconds)
    {
        var overlay = context.Parts.Format == VideoFormat.Ad
            ? CallToAction(context, scenes, totalSeconds)
            : Title(context, scenes);
        return overlay is null ? [] : [overlay];
    }

    /// <summary>"a new coffee brand" → "New Coffee Brand"; words already capitalised (brands) keep their casing.</summary>
    public static string TitleFrom(string subject)
    {
        var words = Words.WithoutDeterminer(subject.Trim()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var title = string.Join(' ', words.Select((w, i) =>
            i > 0 && SmallWords.Contains(w) ? w.ToLowerInvariant()
            : w.Any(char.IsUpper) ? w
            : CultureInfo.InvariantCulture.TextInfo.ToUpper(w[0]) + w[1..]));
        if (title.Length <= MaxTitleLength)
        {
            return title;
        }

        var cut = title.LastIndexOf(' ', MaxTitleLength);
        return cut > 0 ? title[..cut] : title[..MaxTitleLength];
    }

    private static EditingInstruction? CallToAction(PlanContext context, IReadOnlyList<Scene> scenes, double totalSeconds)
    {
        var lastStart = totalSeconds - scenes[^1].DurationSeconds;
        var lastLength = scenes[^1].DurationSeconds;

        // About a second into the last scene, or a quarter of the way in when the scene is short.
        var timestamp = Round(lastStart + Math.Min(LeadIn, lastLength * 0.25));
        var duration = Floor(totalSeconds - EndMargin - timestamp);
        if (duration < MinOverlaySeconds)
        {
            return null;
        }

        return new EditingInstruction
        {
            Type = EditingInstruction.TextOverlay,
            Text = CategoryProfile.For(context.Category).CallToAction,
            Timestamp = timestamp,
            Duration = duration,

            // Top, like every overlay: the centre belongs to the scene (the storyboard's title) and the bottom to captions.
            Position = "top",
        };
    }

    private static EditingInstruction? Title(PlanContext context, IReadOnlyList<Scene> scenes)
    {
        var first = scenes[0].DurationSeconds;
        var timestamp = Round(Math.Min(TitleLeadIn, first * 0.1));
        var duration = Floor(Math.Min(EditingInstruction.DefaultOverlayDuration, first - timestamp - EndMargin));
        var text = TitleFrom(context.Parts.Subject);
        if (duration < MinOverlaySeconds || text.Length == 0)
        {
            return null;
        }

        return new EditingInstruction
        {
            Type = EditingInstruction.TextOverlay,
            Text = text,
            Timestamp = timestamp,
            Duration = duration,
            Position = "top",
        };
    }

    // Millisecond precision; Floor for durations so an overlay can only end early, never late.
    private static double Round(double seconds) => Math.Round(seconds, 3, MidpointRounding.AwayFromZero);

    private static double Floor(double seconds) => Math.Floor((seconds * 1000) + 1e-6) / 1000;
}
