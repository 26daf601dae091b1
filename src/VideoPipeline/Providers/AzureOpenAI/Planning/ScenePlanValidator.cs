using System.Globalization;
using System.Text.RegularExpressions;
using VideoPipeline.Domain;

namespace VideoPipeline.Providers.AzureOpenAI.Planning;

/// <summary>
/// Checks a model's plan before the pipeline trusts it: a sane scene count, scenes long enough to render,
/// descriptions present, durations that add up to the request, and, for a script, narration that is the
/// script word for word. Small mistakes are repaired (renumbering; durations off by up to 15 % are
/// rescaled); anything else is a problem to send back to the model.
/// </summary>
internal static partial class ScenePlanValidator
{
    public const int MaxScenes = 20;
    public const double MinSceneSeconds = 1.5;

    /// <summary>Durations within this of the request are accepted (then made exact without a warning).</summary>
    public const double SumToleranceSeconds = 0.1;

    /// <summary>Durations off by at most this fraction of the request are rescaled rather than refused.</summary>
    public const double RescalableFraction = 0.15;

    public static PlanCheck Check(IReadOnlyList<Scene> scenes, PlanRequest request)
    {
        var total = request.DurationSeconds;
        if (scenes.Count is 0 or > MaxScenes)
        {
            return PlanCheck.Invalid($"it has {scenes.Count} scenes; a plan needs 1 to {MaxScenes}");
        }

        for (var i = 0; i < scenes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(scenes[i].Description))
            {
                return PlanCheck.Invalid($"scene {i + 1} has no description");
            }

            if (!(scenes[i].DurationSeconds > 0 && double.IsFinite(scenes[i].DurationSeconds)))
            {
                return PlanCheck.Invalid($"scene {i + 1} has no positive duration");
            }
        }

        var sum = scenes.Sum(s => s.DurationSeconds);
        string? repair = null;
        if (Math.Abs(sum - total) > SumToleranceSeconds)
        {
            if (Math.Abs(sum - total) > total * RescalableFraction)
            {
                return PlanCheck.Invalid(Invariant($"the scene durations add up to {sum:0.###} s, not {total:0.###} s"));
            }

            repair = Invariant($"the planner's scene durations added up to {sum:0.###} s; rescaled to {total:0.###} s");
        }

        var durations = Exact(scenes.Select(s => s.DurationSeconds).ToArray(), sum, total);
        var shortest = Math.Min(MinSceneSeconds, total);
        for (var i = 0; i < durations.Length; i++)
        {
            if (durations[i] < shortest - 1e-9)
            {
                return PlanCheck.Invalid(Invariant($"scene {i + 1} lasts {durations[i]:0.###} s; every scene needs at least {shortest:0.###} s"));
            }
        }

        var repaired = scenes.Select((s, i) => s with { SceneNumber = i + 1, DurationSeconds = durations[i] }).ToList();
        if (!string.IsNullOrWhiteSpace(request.Script)
            && !Words(request.Script).SequenceEqual(repaired.SelectMany(s => Words(s.Narration)), StringComparer.Ordinal))
        {
            return PlanCheck.Invalid("the narration is not the script word for word");
        }

        return new PlanCheck(repaired, null, repair);
    }

    // Proportional, with the float remainder on the last scene, so the timeline adds up exactly.
    private static double[] Exact(double[] durations, double sum, double total)
    {
        if (Math.Abs(sum - total) < 1e-9)
        {
            return durations;
        }

        var scaled = durations.Select(d => Math.Round(d * total / sum, 3)).ToArray();
        scaled[^1] = Math.Round(total - scaled[..^1].Sum(), 6);
        return scaled;
    }

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text.Replace("'", string.Empty, StringComparison.Ordinal).Replace("’", string.Empty, StringComparison.Ordinal))
            .Select(m => m.Value.ToLowerInvariant());

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}

/// <summary>The checked (possibly repaired) scenes, or why the plan cannot be used.</summary>
/// <param name="Repair">What was repaired, worth a warning in the manifest.</param>
internal sealed record PlanCheck(IReadOnlyList<Scene>? Scenes, string? Problem, string? Repair)
{
    public static PlanCheck Invalid(string problem) => new(null, problem, null);
}
