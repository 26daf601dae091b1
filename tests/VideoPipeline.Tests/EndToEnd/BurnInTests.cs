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

        await AssertChangedOnlyIn(fixture.VideoPath, withoutCaptions, at, CaptionRegion, AboveCaptions, "caption");
    }

    [Fact]
    public async Task Overlay_changes_the_overlay_region_and_only_there()
    {
        var withoutOverlay = await fixture.ReassembleAsync(
            "e2e-no-overlay", input => input with { Edits = input.Edits with { Overlays = [] } });
        var at = (GeneratedVideoFixture.OverlayStart + GeneratedVideoFixture.OverlayEnd) / 2;

        await AssertChangedOnlyIn(fixture.VideoPath, withoutOverlay, at, OverlayRegion, BelowOverlay, "overlay");
    }

    // Over 1 % of the text's region changes by more than 32 grey levels; under 0.05 % elsewhere (encoder noise).
    private static async Task AssertChangedOnlyIn(string withText, string without, double at, Region region, Region elsewhere, string what)
    {
        var a = await GrayFrame.GrabAsync(withText, at, 1280, 720);
        var b = await GrayFrame.GrabAsync(without, at, 1280, 720);

        var inside = a.ChangedFraction(b, region);
        var outside = a.ChangedFraction(b, elsewhere);
        Assert.True(inside > 0.01, $"only {inside:P2} of the {what} region changed");
        Assert.True(outside < 0.0005, $"{outside:P3} of the frame outside the {what} region changed (inside {inside:P2})");
    }
}
