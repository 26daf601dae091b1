namespace VideoPipeline.Media.Text;

public enum Band
{
    Top,
    Center,
    Bottom,
}

/// <summary>
/// The frame's text bands inside the title-safe area: overlays at the top by default, the storyboard's
/// scene title in the centre, captions at the bottom. Pixels; every producer of on-screen text uses these.
/// </summary>
public sealed record ScreenBands(int Width, int Height, double SafeMargin)
{
    private const double CenterTop = 0.30;
    private const double CenterBottom = 0.70;

    public double Left => this.Width * this.SafeMargin;

    public double SafeWidth => this.Width * (1 - (2 * this.SafeMargin));

    /// <summary>(top, height) of a band.</summary>
    public (double Top, double Height) this[Band band] => band switch
    {
        Band.Top => (this.Height * this.SafeMargin, this.Height * (CenterTop - this.SafeMargin)),
        Band.Center => (this.Height * CenterTop, this.Height * (CenterBottom - CenterTop)),
        _ => (this.Height * CenterBottom, this.Height * (1 - this.SafeMargin - CenterBottom)),
    };

    public ScreenArea Area(Band band, double start, double end)
    {
        var (top, height) = this[band];
        return new ScreenArea(this.Left, top, this.SafeWidth, height, start, end);
    }

    /// <summary>The requested band first, then the others nearest first (top and bottom are both next to the centre).</summary>
    public static IReadOnlyList<Band> Preference(Band requested) => requested switch
    {
        Band.Top => [Band.Top, Band.Center, Band.Bottom],
        Band.Bottom => [Band.Bottom, Band.Center, Band.Top],
        _ => [Band.Center, Band.Top, Band.Bottom],
    };
}
