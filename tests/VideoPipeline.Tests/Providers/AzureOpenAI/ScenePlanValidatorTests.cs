using VideoPipeline.Domain;
using VideoPipeline.Providers;
using VideoPipeline.Providers.AzureOpenAI.Planning;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

public sealed class ScenePlanValidatorTests
{
    private static readonly PlanRequest Request = new() { Prompt = "coffee", DurationSeconds = 10 };

    [Fact]
    public void Check_durations_within_a_tenth_are_made_exact_without_a_warning()
    {
        var check = ScenePlanValidator.Check(Scenes(5, 5.05), Request);

        Assert.Equal(10, check.Scenes!.Sum(s => s.DurationSeconds), 9);
        Assert.Null(check.Repair);
    }

    [Fact]
    public void Check_durations_far_off_are_a_problem()
    {
        var check = ScenePlanValidator.Check(Scenes(4, 4), Request);

        Assert.Null(check.Scenes);
        Assert.Contains("add up to 8 s, not 10 s", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_more_than_twenty_scenes_is_a_problem()
    {
        var check = ScenePlanValidator.Check(Scenes([.. Enumerable.Repeat(0.5, 21)]), Request with { DurationSeconds = 10.5 });

        Assert.Contains("21 scenes", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_a_scene_shorter_than_one_and_a_half_seconds_is_a_problem()
    {
        var check = ScenePlanValidator.Check(Scenes(9, 1), Request);

        Assert.Contains("scene 2 lasts 1 s", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_an_empty_description_is_a_problem()
    {
        var scenes = Scenes(5, 5);
        var check = ScenePlanValidator.Check([scenes[0], scenes[1] with { Description = " " }], Request);

        Assert.Equal("scene 2 has no description", check.Problem);
    }

    [Fact]
    public void Check_narration_that_rewords_the_script_is_a_problem()
    {
        var scenes = Scenes(5, 5);
        var check = ScenePlanValidator.Check(
            [scenes[0] with { Narration = "Mornings begin here." }, scenes[1] with { Narration = "Fresh coffee." }],
            Request with { Script = "Mornings start here. Fresh coffee." });

        Assert.Equal("the narration is not the script word for word", check.Problem);
    }

    [Fact]
    public void Check_scene_numbers_are_made_consecutive()
    {
        var check = ScenePlanValidator.Check(Scenes(5, 5).Select(s => s with { SceneNumber = 7 }).ToList(), Request);

        Assert.Equal([1, 2], check.Scenes!.Select(s => s.SceneNumber));
    }

    private static List<Scene> Scenes(params double[] durations) =>
        durations.Select((d, i) => new Scene { SceneNumber = i + 1, Description = $"scene {i + 1}", DurationSeconds = d }).ToList();
}
