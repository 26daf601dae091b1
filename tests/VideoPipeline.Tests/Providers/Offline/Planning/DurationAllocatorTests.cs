using VideoPipeline.Providers.Offline.Planning;

namespace VideoPipeline.Tests.Providers.Offline.Planning;

public sealed class DurationAllocatorTests
{
    [Fact]
    public void AllocateTenths_equalWeights_givesLargestRemaindersToEarliestScenes()
    {
        Assert.Equal([34, 33, 33], DurationAllocator.AllocateTenths(100, [1, 1, 1], 20));
    }

    [Fact]
    public void AllocateTenths_unequalWeights_isProportional()
    {
        Assert.Equal([100, 200, 300], DurationAllocator.AllocateTenths(600, [1, 2, 3], 20));
    }

    [Fact]
    public void AllocateTenths_tinyWeight_isLiftedToFloorAndOthersShareTheRest()
    {
        var tenths = DurationAllocator.AllocateTenths(100, [1, 100, 100], 20);

        Assert.Equal([20, 40, 40], tenths);
    }

    [Fact]
    public void AllocateTenths_zeroWeight_stillGetsFloor()
    {
        var tenths = DurationAllocator.AllocateTenths(100, [50, 0], 20);

        Assert.Equal([80, 20], tenths);
    }

    [Theory]
    [InlineData(73, new long[] { 3, 7, 11, 13 })]
    [InlineData(6000, new long[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 })]
    [InlineData(45, new long[] { 1000, 1, 1 })]
    public void AllocateTenths_anyWeights_sumsToTotalAndKeepsFloor(int total, long[] weights)
    {
        var floor = Math.Min(20, total / weights.Length);

        var tenths = DurationAllocator.AllocateTenths(total, weights, floor);

        Assert.Equal(total, tenths.Sum());
        Assert.All(tenths, t => Assert.True(t >= floor));
    }

    [Fact]
    public void Allocate_sliverBelowATenth_goesToLastScene()
    {
        var seconds = DurationAllocator.Allocate(7.25, [1, 1]);

        Assert.Equal([3.6, 3.65], seconds);
    }

    [Theory]
    [InlineData(7.3, 73)]
    [InlineData(0.3, 3)]
    [InlineData(599.99, 5999)]
    [InlineData(0.05, 0)]
    public void WholeTenths_seconds_roundsDownWithoutLosingATenthToFloatError(double seconds, int tenths)
    {
        Assert.Equal(tenths, DurationAllocator.WholeTenths(seconds));
    }
}
