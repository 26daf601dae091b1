using VideoPipeline.Domain;
using VideoPipeline.Media.Text;

namespace VideoPipeline.Media.Assembly;

/// <summary>
/// Places the text overlays for the final encode. Each overlay is fitted (wrapped, shrunk) to a band of
/// the title-safe area; the requested band is used when nothing else is on screen there at the same
/// time (the storyboard's scene title, captions, an earlier overlay), else the nearest free band.
/// </summary>
public static class OverlayLayout
{
    public static string Write(TextFonts fonts, Resolution resolution, IReadOnlyList<AssemblyOverlay> overlays, IEnumerable<ScreenArea> occupied)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        ArgumentNullException.ThrowIfNull(overlays);
        var (w, h) = (resolution.Width, resolution.Height);
        var scale = Math.Min(w, h) / 720.0;
        var bands = new ScreenBands(w, h, fonts.Options.SafeMargin);
        var taken = occupied.ToList();
        var script = new AssScript(w, h, fonts.Primary);
        foreach (var overlay in overlays)
        {
            var look = new TextLook
            {
                Box = "#000000",
                BoxOpacity = 0.5,
                BoxPadding = Math.Round(14 * scale),
                FadeIn = Math.Min(0.3, (overlay.End - overlay.Start) / 3),
                FadeOut = Math.Min(0.3, (overlay.End - overlay.Start) / 3),
            };
            var (block, x, y) = Place(overlay, fonts, bands, look, scale, taken);
            taken.Add(script.Add(block, x, y, bands.SafeWidth - (2 * look.BoxPadding), TextAlign.Center, look, overlay.Start, overlay.End));
        }

        return script.Build();
    }

    /// <summary>The band an overlay asked for: top, center or bottom.</summary>
    public static Band Requested(string position) => position switch
    {
        "center" => Band.Center,
        "bottom" => Band.Bottom,
        _ => Band.Top,
    };

    private static (TextBlock Block, double X, double Y) Place(AssemblyOverlay overlay, TextFonts fonts, ScreenBands bands, TextLook look, double scale, List<ScreenArea> taken)
    {
        (TextBlock, double, double)? first = null;
        foreach (var band in ScreenBands.Preference(Requested(overlay.Position)))
        {
            var (top, height) = bands[band];
            var fit = new TextFit(56 * scale, 20 * scale, bands.SafeWidth - (2 * look.BoxPadding), height, MaxLines: band == Band.Center ? 6 : 3);
            var block = TextFitter.Fit(overlay.Text, fonts, fonts.Primary, fit);
            var x = bands.Left + look.BoxPadding;

            // Top and bottom bands try their outer edge first, then the edge nearer the centre.
            double[] tops = band switch
            {
                Band.Top => [top, top + height - block.Height],
                Band.Bottom => [top + height - block.Height, top],
                _ => [top + ((height - block.Height) / 2)],
            };
            foreach (var y in tops)
            {
                var area = new ScreenArea(bands.Left, y, bands.SafeWidth, block.Height, overlay.Start, overlay.End);
                first ??= (block, x, y);
                if (!taken.Any(t => t.Overlaps(area)))
                {
                    return (block, x, y);
                }
            }
        }

        return first!.Value;
    }
}
