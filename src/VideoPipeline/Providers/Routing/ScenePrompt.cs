using VideoPipeline.Domain;

namespace VideoPipeline.Providers.Routing;

/// <summary>
/// The text-to-video prompt for a scene (shared by the Sora and HunyuanVideo providers), and the
/// simplified scene the first fallback step renders: the first clause of the shot, nothing else.
/// </summary>
public static class ScenePrompt
{
    private const int SimplifiedMaxWords = 12;

    public static string Build(Scene scene, string style)
    {
        var sentences = new List<string> { scene.Description };
        if (scene.Entities.Count > 0)
        {
            sentences.Add(string.Join(", ", scene.Entities.Select(e => $"{e.Type} {e.Action} ({e.Position})")));
        }

        var look = new List<string>();
        if (!IsNeutral(scene.VisualStyle.Lighting))
        {
            look.Add($"{scene.VisualStyle.Lighting} lighting");
        }

        if (!IsNeutral(scene.VisualStyle.ColorPalette))
        {
            look.Add($"{scene.VisualStyle.ColorPalette} colour palette");
        }

        if (!string.IsNullOrWhiteSpace(style))
        {
            look.Add($"{style} style");
        }

        if (look.Count > 0)
        {
            sentences.Add(string.Join(", ", look));
        }

        return string.Join(' ', sentences.Select(Sentence).Where(s => s.Length > 0));
    }

    /// <summary>The scene with only the first clause of its description (at most 12 words), no entities and a neutral look.</summary>
    public static Scene Simplify(Scene scene)
    {
        var clause = scene.Description.Split(['.', '!', '?', ';', ':', ',', '—'], 2)[0];
        var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(SimplifiedMaxWords);
        var description = string.Join(' ', words);
        return scene with
        {
            Description = description.Length > 0 ? description : scene.Description.Trim(),
            Entities = [],
            VisualStyle = new VisualStyle(),
        };
    }

    private static bool IsNeutral(string value) => string.IsNullOrWhiteSpace(value) || value.Equals("neutral", StringComparison.OrdinalIgnoreCase);

    // Planner tokens such as "pouring_coffee" read better as words; every part ends as a sentence.
    private static string Sentence(string text)
    {
        var words = text.Replace('_', ' ').Trim();
        return words.Length == 0 || words[^1] is '.' or '!' or '?' ? words : words + ".";
    }
}
