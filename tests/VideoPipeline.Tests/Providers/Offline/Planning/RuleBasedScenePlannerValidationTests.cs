using VideoPipeline.Providers;
using VideoPipeline.Providers.Offline.Planning;

namespace VideoPipeline.Tests.Providers.Offline.Planning;

public sealed class RuleBasedScenePlannerValidationTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public async Task PlanAsync_blankPrompt_throwsArgumentExceptionNamingPrompt(string prompt)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            new RuleBasedScenePlanner().PlanAsync(new PlanRequest { Prompt = prompt, DurationSeconds = 30 }, CancellationToken.None));

        Assert.Equal("prompt", error.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(600.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task PlanAsync_durationOutOfRange_throwsNamingDurationSeconds(double duration)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            new RuleBasedScenePlanner().PlanAsync(new PlanRequest { Prompt = "coffee", DurationSeconds = duration }, CancellationToken.None));

        Assert.Equal("duration_seconds", error.ParamName);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(600)]
    public void Plan_durationAtLimits_isAccepted(double duration)
    {
        var plan = new RuleBasedScenePlanner().Plan(new PlanRequest { Prompt = "coffee", DurationSeconds = duration });

        Assert.Equal(duration, plan.TotalDurationSeconds, 9);
    }

    [Fact]
    public async Task PlanAsync_cancelledToken_throwsOperationCanceled()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new RuleBasedScenePlanner().PlanAsync(new PlanRequest { Prompt = "coffee", DurationSeconds = 30 }, new CancellationToken(canceled: true)));
    }
}
