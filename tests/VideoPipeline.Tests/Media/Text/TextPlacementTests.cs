using VideoPipeline.Domain;
using VideoPipeline.Media.Assembly;
using VideoPipeline.Media.Text;
using VideoPipeline.Providers;
using VideoPipeline.Providers.Offline.Planning;
using VideoPipeline.Providers.Offline.Rendering;
using VideoPipeline.Tests.TestSupport;
using Options = Microsoft.Extensions.Options.Options;

namespace VideoPipeline.Tests.Media.Text;

/// <summary>
/// Text stays on screen and off other text, checked on real renders: a 4,000-character title and long
/// overlays leave the outer 5 % of the frame untouched, and a centre overlay moves off the storyboard title.
/// </summary>
[Collection(TextRenderGroup.Name)]
public sealed class TextPlacementTests : IDisposable
{
    private static readonly Region[] OuterFivePercent =
    [
        new(0, 0, 1, 0.05), new(0, 0.95, 1, 1), new(0, 0, 0.05, 1), new(0.95, 0, 1, 1),
    ];

    private readonly TempDirectory temp = new();

    [Theory]
    [InlineData(1280, 720, 1)]
    [InlineData(720, 1280, 2)]
    public async Task A_four_thousand_character_planner_title_stays_inside_the_frame(int width, int height, int seed)
    {
        var prompt = LongPrompt(seed);
        var plan = await new RuleBasedScenePlanner().PlanAsync(new PlanRequest { Prompt = prompt, DurationSeconds = 30 }, CancellationToken.None);
        var scene = plan.Scenes.OrderByDescending(s => s.Description.Length).First() with { Description = prompt };

        var withTitle = await this.RenderSceneAsync(scene, width, height, "title");
        var without = await this.RenderSceneAsync(scene with { Description = "" }, width, height, "none");

        AssertChangedOnlyInside(withTitle, without, "the title");
    }

    [Theory]
    [InlineData("top")]
    [InlineData("center")]
    [InlineData("bottom")]
    public async Task A_long_overlay_stays_inside_the_frame(string position)
    {
        var text = string.Concat(Enumerable.Repeat("Unbelievablyextraordinarysale", 6)) + " 今日だけ 😀 " + new string('W', 20);
        var ass = OverlayLayout.Write(TestFonts.Default, Resolution.Landscape720, [new AssemblyOverlay(text[..200], 0, 4, position)], []);

        var drawn = await TextRender.FrameAsync(TestFonts.Default, 1280, 720, 1, null, ass);
        var blank = await TextRender.FrameAsync(TestFonts.Default, 1280, 720, 1, null);

        AssertChangedOnlyInside(drawn, blank, "the overlay");
    }

    [Fact]
    public async Task A_center_overlay_and_the_scene_title_do_not_overlap()
    {
        var scene = new Scene
        {
            SceneNumber = 1,
            Description = "Morning light falls on a steaming cup of coffee by the window",
            DurationSeconds = 3,
            VisualStyle = new VisualStyle { Lighting = "warm", ColorPalette = "earth_tones" },
        };
        var clip = this.temp.File("scene.mp4");
        await GenerateAsync(scene, 1280, 720, clip);
        await GenerateAsync(scene with { Description = "" }, 1280, 720, this.temp.File("untitled.mp4"));
        var overlay = new AssemblyOverlay("Try it today! 今日から ☕", 0.5, 2.5, "center");

        var moved = await this.OverlayScriptAsync(overlay, titled: true);
        var stayed = await this.OverlayScriptAsync(overlay, titled: false);

        var scenes = await TextRender.FrameAsync(TestFonts.Default, 1280, 720, 1.5, clip);
        var title = scenes.Mask(await TextRender.FrameAsync(TestFonts.Default, 1280, 720, 1.5, this.temp.File("untitled.mp4")));
        var movedOverlay = (await TextRender.FrameAsync(TestFonts.Default, 1280, 720, 1.5, clip, moved)).Mask(scenes);
        var centredOverlay = (await TextRender.FrameAsync(TestFonts.Default, 1280, 720, 1.5, clip, stayed)).Mask(scenes);

        Assert.True(title.Count > 1000 && movedOverlay.Count > 1000, $"title {title.Count} px, overlay {movedOverlay.Count} px");
        Assert.Empty(title.Intersect(movedOverlay));
        Assert.NotEmpty(title.Intersect(centredOverlay));
    }

    [Fact]
    public void An_overlay_moves_off_captions_and_earlier_overlays()
    {
        var bands = new ScreenBands(1280, 720, 0.07);
        var captions = new ScreenArea(90, 600, 1100, 70, 0, 10);
        var ass = OverlayLayout.Write(
            TestFonts.Default,
            Resolution.Landscape720,
            [new AssemblyOverlay("first", 1, 4, "bottom"), new AssemblyOverlay("second", 2, 5, "bottom"), new AssemblyOverlay("third", 6, 8, "bottom")],
            [captions]);

        var areas = AssScript.ReadAreas(ass);
        Assert.Equal(3, areas.Count);
        Assert.All(areas, a => Assert.False(a.Overlaps(captions), $"{a} overlaps the captions"));
        Assert.False(areas[0].Overlaps(areas[1]));
        Assert.True(areas[0].Y >= bands[Band.Bottom].Top - 1, "the first keeps the bottom band, above the captions");
        Assert.True(areas[1].Y + areas[1].Height <= bands[Band.Bottom].Top + 1, "the second moves up a band");
        Assert.Equal(areas[0].Y, areas[2].Y, 1);
    }

    public void Dispose() => this.temp.Dispose();

    private static void AssertChangedOnlyInside(GrayFrame drawn, GrayFrame without, string what)
    {
        Assert.True(drawn.ChangedFraction(without, Region.Whole) > 0.005, $"{what} was not drawn");
        foreach (var edge in OuterFivePercent)
        {
            Assert.True(drawn.ChangedFraction(without, edge) == 0, $"{what} reaches into the outer 5 % ({edge}): {drawn.ChangedFraction(without, edge):P3}");
        }
    }

    // A seeded mix of English, Chinese, Arabic and emoji words, 4,000 characters.
    private static string LongPrompt(int seed)
    {
        var random = new Random(seed);
        string[] words = ["coffee", "morning", "sunrise", "Extraordinarily", "咖啡", "早晨的阳光", "قهوة", "الصباح", "☕", "🌅", "routine", "W"];
        var text = new System.Text.StringBuilder("A 30-second ad for a new coffee brand ");
        while (text.Length < 4000)
        {
            text.Append(words[random.Next(words.Length)]).Append(' ');
        }

        return text.ToString()[..4000];
    }

    private async Task<GrayFrame> RenderSceneAsync(Scene scene, int width, int height, string name)
    {
        var clip = this.temp.File($"{name}-{width}.mp4");
        await GenerateAsync(scene, width, height, clip);
        return await GrayFrame.GrabAsync(clip, 1.5, width, height);
    }

    private static async Task GenerateAsync(Scene scene, int width, int height, string output)
    {
        var generator = new AnimaticClipGenerator(TextRender.Runner, Options.Create(new AnimaticOptions()), TestFonts.Default);
        var request = new SceneClipRequest { Scene = scene, SceneCount = 3, Resolution = new Resolution(width, height), Fps = 25, FrameCount = 50, Seed = 7 };
        await generator.GenerateAsync(request, output, null, CancellationToken.None);
    }

    private async Task<string> OverlayScriptAsync(AssemblyOverlay overlay, bool titled)
    {
        var directory = Directory.CreateDirectory(this.temp.File(titled ? "titled" : "plain")).FullName;
        var spec = new AssemblySpec { Resolution = Resolution.Landscape720, Fps = 25, DurationSeconds = 2, Clips = [], Overlays = [overlay] };
        var prepared = await AssemblyText.PrepareAsync(spec, TestFonts.Default, titled ? [(0.0, 2.0)] : [], directory);
        return await File.ReadAllTextAsync(prepared.OverlaysPath!);
    }
}
