using VideoPipeline.Media.Captions;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.EndToEnd;

/// <summary>
/// Burned-in text is real: against the same render without it, a frame differs in the text's
/// region and (up to encoder noise) nowhere else.
/// </summary>
[Collection(GeneratedVideoGroup.Name)]
public sealed class BurnInTests(GeneratedVideoFixture fixture)
{
    private static readonly Region CaptionRegion = new(0, 0.78, 1, 1);
    private static readonly Region AboveCaptions = new(0, 0, 1, 0.74);
    private static readonly Region OverlayRegion = new(0, 0.08, 1, 0.48);
    private static readonly Region BelowOverlay = new(0, 0.52, 1, 1);

    [Fact]
    public async Task Captions_change_the_caption_region_and_only_there()
    {
        var withoutCaptions = await fixture.ReassembleAsync("e2e-no-captions", input => input with { Captions = null });
        var cues = SubtitleParser.ParseSrt(await File.ReadAllTextAsync(fixture.SrtPath));
        var cue = cues.First(c => c.Start > GeneratedVideoFixture.OverlayEnd + 0.5);
        var at = (cue.Start + cue.End) / 2;

        var captioned = await GrayFrame.GrabAsync(fixture.VideoPath, at, 1280, 720);
        var plain = await GrayFrame.GrabAsync(withoutCaptions, at, 1280, 720);

        var inside = captioned.MeanDifference(plain, CaptionRegion);
        var outside = captioned.MeanDifference(plain, AboveCaptions);
        Assert.True(inside > 4, $"caption region differs by only {inside:0.00}");
        Assert.True(outside < 1.0 && outside * 5 < inside, $"outside the caption region differs by {outside:0.00} (inside {inside:0.00})");
    }

    [Fact]
    public async Task Overlay_changes_the_overlay_region_and_only_there()
    {
        var withoutOverlay = await fixture.ReassembleAsync(
            "e2e-no-overlay", input => input with { Edits = input.Edits with { Overlays = [] } });
        var at = (GeneratedVideoFixture.OverlayStart + GeneratedVideoFixture.OverlayEnd) / 2;

        var overlaid = await GrayFrame.GrabAsync(fixture.VideoPath, at, 1280, 720);
        var plain = await GrayFrame.GrabAsync(withoutOverlay, at, 1280, 720);

        var inside = overlaid.MeanDifference(plain, OverlayRegion);
        var outside = overlaid.MeanDifference(plain, BelowOverlay);
        Assert.True(inside > 4, $"overlay region differs by only {inside:0.00}");
        Assert.True(outside < 1.0 && outside * 5 < inside, $"outside the overlay region differs by {outside:0.00} (inside {inside:0.00})");
    }
}
