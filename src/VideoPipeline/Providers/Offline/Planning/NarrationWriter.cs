namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// Picks each scene's spoken lines from its beat's templates: within the scene's word budget,
/// never a sentence the previous scene just said, and unused lines before reused ones.
/// </summary>
internal sealed class NarrationWriter(ItemCategory category, IReadOnlyDictionary<string, string?> slots)
{
    private readonly Dictionary<string, int> lastUsedInScene = new(StringComparer.Ordinal);
    private IReadOnlyList<string> previousScene = [];
    private int sceneIndex;

    public string Write(BeatKind beat, double seconds)
    {
        var lines = NarrationTemplates.For(beat, category);
        var leads = this.Filled(lines.Leads);
        var follows = this.Filled(lines.Follows);
        var maxWords = NarrationPace.MaxWords(seconds);
        var targetWords = NarrationPace.TargetWords(seconds);

        var chosen = new List<string>();
        var lead = this.Fresh(leads).FirstOrDefault(l => SentencePolish.WordCount(l) <= maxWords)
            ?? TemplateText.Fill(lines.Short, slots)!;
        chosen.Add(lead);

        // Long scenes of a repeating beat may also use spare leads; other beats only their follows,
        // because a second lead would repeat the first ("Meet our coffee. Say hello to our coffee.").
        var extras = NarrationTemplates.IsRepeatable(beat) ? follows.Concat(leads) : follows;
        var words = SentencePolish.WordCount(lead);
        foreach (var extra in this.Fresh(extras.Distinct(StringComparer.Ordinal).ToList()))
        {
            if (chosen.Count >= NarrationPace.MaxSentences(seconds))
            {
                break;
            }

            var extraWords = SentencePolish.WordCount(extra);
            if (!chosen.Contains(extra) && words + extraWords <= targetWords)
            {
                chosen.Add(extra);
                words += extraWords;
            }
        }

        foreach (var sentence in chosen)
        {
            this.lastUsedInScene[sentence] = this.sceneIndex;
        }

        this.previousScene = chosen;
        this.sceneIndex++;
        return string.Join(' ', chosen);
    }

    private List<string> Filled(IReadOnlyList<string> templates) =>
        templates.Select(t => TemplateText.Fill(t, slots)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    // Lines not said in the previous scene: never-used ones in template order, then the least recently used.
    private IEnumerable<string> Fresh(List<string> candidates) =>
        candidates
            .Where(c => !this.previousScene.Contains(c))
            .OrderBy(c => this.lastUsedInScene.TryGetValue(c, out var scene) ? scene : -1);
}
