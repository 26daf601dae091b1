using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using VideoPipeline.Domain;

namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// An offline scene planner built from rules and templates: no model, no randomness, no clock, so the
/// same request always gives the same plan. It writes the narration from the prompt, or splits a given
/// script over the scenes word for word.
/// </summary>
public sealed class RuleBasedScenePlanner : IScenePlanner
{
    public const string PlannerName = "rule-based/1";

    public string Name => PlannerName;

    public Task<ScenePlan> PlanAsync(PlanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(this.Plan(request));
    }

    /// <summary>The synchronous core of <see cref="PlanAsync"/>; the work is pure computation.</summary>
    public ScenePlan Plan(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);

        var warnings = new List<string>();
        var parts = PromptParser.Parse(request.Prompt);
        var context = PlanContextBuilder.Build(parts);
        var style = StylePreferences.Apply(VisualStyleRules.For(parts, request.Style), request.StylePreferences, warnings);
        var total = request.DurationSeconds;
        var sceneCount = SceneCountRule.For(total);

        var scriptMode = !string.IsNullOrWhiteSpace(request.Script);
        var scenes = scriptMode
            ? ScriptScenes(context, style, request.Script!, total, sceneCount, StylePreferences.Has(request.StylePreferences, "lighting"), warnings)
            : PromptScenes(context, style, total, sceneCount);

        if (request.Script is not null && !scriptMode)
        {
            warnings.Add("the script was empty, so the narration was written from the prompt");
        }

        PlanWarnings.AddSoftIssues(context, scenes, total, scriptMode, warnings);

        return new ScenePlan
        {
            Scenes = scenes,
            Planner = this.Name,
            SuggestedOverlays = OverlaySuggester.Suggest(context, scenes, total),
            Warnings = warnings,
        };
    }

    [SuppressMessage("Usage", "CA2208", Justification = "Errors name the API fields callers send (prompt, duration_seconds), not C# parameters.")]
    private static void Validate(PlanRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            throw new ArgumentException("prompt must not be empty", "prompt");
        }

        // NaN fails both comparisons, so it is rejected too.
        if (!(request.DurationSeconds > 0 && request.DurationSeconds <= VideoRequest.MaxDurationSeconds))
        {
            throw new ArgumentOutOfRangeException(
                "duration_seconds",
                request.DurationSeconds,
                string.Create(CultureInfo.InvariantCulture, $"duration_seconds must be more than 0 and at most {VideoRequest.MaxDurationSeconds}"));
        }
    }

    private static List<Scene> PromptScenes(PlanContext context, VisualStyle style, double total, int sceneCount)
    {
        var beats = BeatSheet.For(context.Parts.Format, sceneCount);

        // The planner writes the narration, so it writes it to fit equal scenes rather than the other way round.
        var durations = DurationAllocator.Allocate(total, Enumerable.Repeat(1L, sceneCount).ToList());
        var narration = new NarrationWriter(context.Category, context.SpokenSlots);
        var descriptions = new DescriptionWriter(context);
        var entities = new EntityPlanner(context);

        return beats.Select((beat, i) => new Scene
        {
            SceneNumber = i + 1,
            Description = descriptions.ForBeat(beat, i, ActionSlots(entities, i)),
            DurationSeconds = durations[i],
            Entities = entities.For(beat, i),
            VisualStyle = style,
            Narration = narration.Write(beat, durations[i]),
        }).ToList();
    }

    private static List<Scene> ScriptScenes(
        PlanContext context, VisualStyle style, string script, double total, int sceneCount, bool lightingPinned, List<string> warnings)
    {
        var chunks = ScriptChunker.Split(script, sceneCount);
        if (chunks.Count < sceneCount)
        {
            warnings.Add("the script has fewer words than the video has scenes; the last scenes have no narration");
        }

        var beats = BeatSheet.For(context.Parts.Format, sceneCount);
        var texts = Enumerable.Range(0, sceneCount).Select(i => i < chunks.Count ? chunks[i] : "").ToList();
        var durations = DurationAllocator.Allocate(total, texts.Select(ScriptChunker.SpeechWeight).ToList());
        var descriptions = new DescriptionWriter(context);

        return texts.Select((text, i) =>
        {
            // Each scene shows what its own words mention, falling back to the prompt's subject.
            var focus = PlanContextBuilder.Build(context.Parts, text);
            var entities = new EntityPlanner(focus);
            var phrase = ScriptKeywords.Phrase(text);
            return new Scene
            {
                SceneNumber = i + 1,
                Description = phrase is null
                    ? descriptions.ForBeat(beats[i], i, ActionSlots(entities, i))
                    : descriptions.ForPhrase(phrase, i),
                DurationSeconds = durations[i],
                Entities = entities.For(beats[i], i),
                // A chunk that says "that night" is lit for night, unless the request pinned the lighting.
                VisualStyle = lightingPinned ? style : style with { Lighting = VisualStyleRules.LightingFrom(Words.Of(text)) ?? style.Lighting },
                Narration = text,
            };
        }).ToList();
    }

    private static Dictionary<string, string?> ActionSlots(EntityPlanner entities, int sceneIndex) => new(StringComparer.Ordinal)
    {
        ["action"] = entities.PersonAction(sceneIndex).Replace('_', ' '),
        ["hero_action"] = EntityPlanner.CreatureAction(sceneIndex).Replace('_', ' '),
    };
}
