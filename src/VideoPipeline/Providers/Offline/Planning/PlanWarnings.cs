using System.Globalization;
using System.Text.RegularExpressions;
using VideoPipeline.Domain;

namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>Soft issues worth telling the caller about; none of them stops the plan.</summary>
internal static partial class PlanWarnings
{
    public static void AddSoftIssues(PlanContext context, IReadOnlyList<Scene> scenes, double total, bool scriptMode, List<string> warnings)
    {
        var sliver = total - (DurationAllocator.WholeTenths(total) / 10.0);
        if (sliver > 1e-9)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"duration {total} s is not a multiple of 0.1 s; the last scene takes the extra {Math.Round(sliver, 6)} s"));
        }

        if (total < SceneCountRule.MinSceneSeconds)
        {
            warnings.Add("the video is shorter than 2 s, so it has one very short scene");
        }

        var overBudget = scenes.Any(s => SentencePolish.WordCount(s.Narration) > NarrationPace.NaturalWords(s.DurationSeconds));
        if (scriptMode)
        {
            var words = scenes.Sum(s => SentencePolish.WordCount(s.Narration));
            if (overBudget || words > NarrationPace.MaxWordsPerSecond * total)
            {
                warnings.Add("script longer than the video can narrate at a natural pace; narration will be sped up");
            }

            if (scenes.Any(s => UnspokenCharacters().IsMatch(s.Narration)))
            {
                warnings.Add("the script has digits or symbols; the voice may read them differently from how they are written");
            }
        }
        else if (overBudget)
        {
            warnings.Add("the video is too short for natural narration; the voice will be sped up");
        }

        if (!context.HasAnythingConcrete)
        {
            warnings.Add("the prompt names nothing the planner knows how to show; scenes use general shots of the subject");
        }

        if (context.Parts.BrandWords.Count > 0 && !scriptMode)
        {
            warnings.Add("left brand names and abbreviations out of the narration because the voice reads them poorly: "
                + string.Join(", ", context.Parts.BrandWords.Order(StringComparer.Ordinal)));
        }
    }

    [GeneratedRegex(@"[^\p{L}\s.,!?;:'’""()-]")]
    private static partial Regex UnspokenCharacters();
}
