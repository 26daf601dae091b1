using VideoPipeline.Media.Text;

namespace VideoPipeline.Tests.Media.Text;

public sealed class ScreenBandsTests
{
    [Fact]
    public void Bands_tile_the_title_safe_height_without_gaps()
    {
        var bands = new ScreenBands(1280, 720, 0.07);

        Assert.Equal(720 * 0.07, bands[Band.Top].Top, 6);
        Assert.Equal(bands[Band.Top].Top + bands[Band.Top].Height, bands[Band.Center].Top, 6);
        Assert.Equal(bands[Band.Center].Top + bands[Band.Center].Height, bands[Band.Bottom].Top, 6);
        Assert.Equal(720 * 0.93, bands[Band.Bottom].Top + bands[Band.Bottom].Height, 6);
    }

    [Theory]
    [InlineData(Band.Top, new[] { Band.Top, Band.Center, Band.Bottom })]
    [InlineData(Band.Center, new[] { Band.Center, Band.Top, Band.Bottom })]
    [InlineData(Band.Bottom, new[] { Band.Bottom, Band.Center, Band.Top })]
    public void A_requested_band_is_tried_first_then_the_nearest(Band requested, Band[] order)
    {
        Assert.Equal(order, ScreenBands.Preference(requested));
    }
}
