namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// Writes one shot description per scene, never the same one twice in a plan, so every clip the
/// renderer or a video model makes from them is different.
/// </summary>
internal sealed class DescriptionWriter(PlanContext context)
{
    private readonly HashSet<string> used = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<BeatKind, int> occurrences = [];

    /// <param name="extraSlots">Per-scene slots such as {action} ("pouring coffee").</param>
    public string ForBeat(BeatKind beat, int sceneIndex, IReadOnlyDictionary<string, string?> extraSlots)
    {
        var occurrence = this.occurrences.GetValueOrDefault(beat);
        this.occurrences[beat] = occurrence + 1;

        var slots = new Dictionary<string, string?>(context.VisualSlots, StringComparer.Ordinal);
        foreach (var (key, value) in extraSlots)
        {
            slots[key] = value;
        }

        // The beat's own templates, starting at this occurrence so repeated beats move on.
        var templates = DescriptionTemplates.For(beat);
        var own = Enumerable.Range(0, templates.Count).Select(i => templates[(i + occurrence) % templates.Count]);
        return this.FirstUnused(own.Select(t => TemplateText.Fill(t, slots, closeSentence: false)), sceneIndex, context.MainVisual);
    }

    /// <summary>A description built from a script chunk's own key words (script mode).</summary>
    public string ForPhrase(string phrase, int sceneIndex) => this.FirstUnused([], sceneIndex, phrase);

    private string FirstUnused(IEnumerable<string?> preferred, int sceneIndex, string subject)
    {
        var shots = DescriptionTemplates.ShotTypes;
        var fallbacks = Enumerable.Range(0, shots.Count)
            .Select(i => shots[(sceneIndex + i) % shots.Count])
            .SelectMany(shot => new[] { Shot(shot, subject), Shot(shot, $"{subject} in the {context.Setting}") });

        var choice = preferred.Concat(fallbacks).OfType<string>().FirstOrDefault(d => !this.used.Contains(d))
            ?? $"{Shot(shots[sceneIndex % shots.Count], subject)}, angle {sceneIndex + 1}";
        this.used.Add(choice);
        return choice;
    }

    // "Slow push-in on" already ends in its preposition; the rest take "of".
    private static string Shot(string shot, string subject) =>
        SentencePolish.Polish(shot.EndsWith(" on", StringComparison.Ordinal) || shot.EndsWith(" across", StringComparison.Ordinal)
            ? $"{shot} {subject}"
            : $"{shot} of {subject}", closeSentence: false);
}
