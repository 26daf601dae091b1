using VideoPipeline.Host.Api.Assets;

namespace VideoPipeline.Tests.Api.Tasks;

public sealed class ByteRangeTests
{
    [Theory]
    [InlineData("bytes=0-99", 0, 99)]
    [InlineData("bytes=900-", 900, 999)]
    [InlineData("bytes=-10", 990, 999)]
    [InlineData("bytes=500-5000", 500, 999)]
    public void Parse_satisfiable_range_gives_inclusive_bounds_inside_the_file(string header, long from, long to)
    {
        var range = ByteRange.Parse(header, 1000, out var satisfiable);

        Assert.True(satisfiable);
        Assert.Equal(new ByteRange(from, to), range);
    }

    [Theory]
    [InlineData("bytes=1000-")]
    [InlineData("bytes=-0")]
    public void Parse_range_outside_the_file_is_unsatisfiable(string header)
    {
        Assert.Null(ByteRange.Parse(header, 1000, out var satisfiable));
        Assert.False(satisfiable);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("items=0-5")]
    [InlineData("bytes=0-5,10-20")]
    [InlineData("bytes=9-3")]
    public void Parse_header_to_ignore_means_the_whole_file(string? header)
    {
        Assert.Null(ByteRange.Parse(header, 1000, out var satisfiable));
        Assert.True(satisfiable);
    }
}
