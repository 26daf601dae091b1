using VideoPipeline.Providers.Offline.Planning;

namespace VideoPipeline.Tests.Providers.Offline.Planning;

public sealed class SceneCountRuleTests
{
    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(2, 1)]
    [InlineData(7, 1)]
    [InlineData(7.5, 2)]
    [InlineData(12.5, 3)]
    [InlineData(30, 6)]
    [InlineData(45, 9)]
    [InlineData(97.4, 19)]
    [InlineData(97.5, 20)]
    [InlineData(600, 20)]
    public void For_duration_isAboutOneScenePerFiveSecondsClampedToTwenty(double duration, int expected)
    {
        Assert.Equal(expected, SceneCountRule.For(duration));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(3)]
    [InlineData(9.9)]
    [InlineData(41)]
    [InlineData(599.9)]
    public void For_anyDuration_leavesAtLeastTwoSecondsPerSceneWhenThereIsRoom(double duration)
    {
        var count = SceneCountRule.For(duration);

        Assert.InRange(count, 1, 20);
        Assert.True(count == 1 || duration / count >= 2, $"{count} scenes in {duration} s");
    }
}
