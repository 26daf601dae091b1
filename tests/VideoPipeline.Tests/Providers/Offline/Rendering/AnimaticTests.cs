using VideoPipeline.Domain;
using VideoPipeline.Media.Probing;
using VideoPipeline.Providers;
using VideoPipeline.Providers.Offline.Rendering;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Providers.Offline.Rendering;

public sealed class AnimaticTests : IDisposable
{
    private static readonly Scene Scene = new()
    {
        SceneNumber = 2,
        Description = "Close-up of a steaming cup of coffee",
        DurationSeconds = 2,
        Entities = [new SceneEntity("product", "foreground", "steaming")],
        VisualStyle = new VisualStyle { Lighting = "warm", ColorPalette = "earth_tones" },
    };

    private readonly TestServices services = new();

    [Fact]
    public void Build_storyboard_scene_golden()
    {
        var request = new SceneClipRequest { Scene = Scene, SceneCount = 6, Resolution = Resolution.Landscape720, Fps = 30, FrameCount = 60, Seed = 42 };

        var args = AnimaticArguments.Build(request, "/o/scene.mp4", new AnimaticOptions(), "/o/text.ass", []);

        Assert.Equal(
            """
            -hide_banner -nostdin -y -loglevel error -f lavfi -i gradients=s=320x180:r=30:n=4:speed=0.012:seed=42:type=radial:c0=0x3b2418:c1=0x6f4e37:c2=0x8b5a2b:c3=0x9c6b4e -f lavfi -i color=c=white:s=1280x4:r=30 -filter_complex [0:v]scale=w=1280:h=720:flags=bilinear,drawbox=x=0:y=0:w=1280:h=64:color=black@0.85:t=fill,drawbox=x=0:y=656:w=1280:h=64:color=black@0.85:t=fill,ass=filename=/o/text.ass[bg];[bg][1:v]overlay=x=-W+W*t/2:y=656:eval=frame:shortest=1,format=pix_fmts=yuv420p[v] -map [v] -frames:v 60 -c:v libx264 -preset ultrafast -crf 16 -pix_fmt yuv420p -r 30 -an file:/o/scene.mp4
            """,
            string.Join(' ', args.Build()));
    }

    [Theory]
    [InlineData(1280, 720, 47)]
    [InlineData(720, 1280, 60)]
    public async Task GenerateAsync_renders_exactly_the_requested_frames_size_and_rate(int width, int height, int frames)
    {
        using var temp = new TempDirectory();
        var output = temp.File("scene.mp4");
        var request = new SceneClipRequest { Scene = Scene, SceneCount = 6, Resolution = new Resolution(width, height), Fps = 30, FrameCount = frames, Seed = 1 };

        var clip = await this.services.Get<ISceneClipGenerator>().GenerateAsync(request, output, null, CancellationToken.None);

        var info = await this.services.Get<IMediaProbe>().ProbeAsync(output);
        Assert.Equal(frames, info.Video!.FrameCount);
        Assert.Equal((width, height), (info.Video.Width, info.Video.Height));
        Assert.Equal(30, info.Video.FrameRate!.Value, 3);
        Assert.Equal(frames / 30.0, clip.DurationSeconds, 6);
        Assert.False(info.HasAudio);
    }

    [Fact]
    public async Task GenerateAsync_frame_is_a_storyboard_not_a_blank_frame()
    {
        using var temp = new TempDirectory();
        var output = temp.File("scene.mp4");
        var request = new SceneClipRequest { Scene = Scene, SceneCount = 6, Resolution = Resolution.Landscape720, Fps = 30, FrameCount = 45, Seed = 1 };
        await this.services.Get<ISceneClipGenerator>().GenerateAsync(request, output, null, CancellationToken.None);

        var frame = await GrayFrame.GrabAsync(output, 1.0, 1280, 720);
        var later = await GrayFrame.GrabAsync(output, 1.4, 1280, 720);

        Assert.True(frame.Contrast() > 15, $"contrast {frame.Contrast():0.0}: looks blank");
        Assert.True(frame.MeanDifference(later, Region.Whole) > 0.05, "the background does not move");
    }

    public void Dispose() => this.services.Dispose();
}
