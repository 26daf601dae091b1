using VideoPipeline.Media.Frames;
using VideoPipeline.Tests.Providers.AzureOpenAI;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Media.Frames;

public sealed class FrameSamplingTests
{
    [Fact]
    public void Times_three_frames_of_six_seconds_are_the_middles_of_three_parts() =>
        Assert.Equal([1.0, 3.0, 5.0], FrameSampling.Times(6, 3));

    [Fact]
    public void Frame_seek_scale_and_one_jpeg_golden()
    {
        var args = FrameSampling.Frame("/media/clip.mp4", 1.5, "/media/f0.jpg");

        Assert.Equal(
            "-hide_banner -nostdin -y -loglevel error -protocol_whitelist file -ss 1.5 -i file:/media/clip.mp4 "
            + @"-map 0:v:0 -frames:v 1 -vf scale=w=min(512\,iw):h=min(512\,ih):force_original_aspect_ratio=decrease -q:v 5 file:/media/f0.jpg",
            string.Join(' ', args.Build()));
    }

    [Fact]
    public async Task Frame_of_a_720p_clip_is_one_jpeg_no_wider_than_512()
    {
        var clip = await TestMedia.VideoAsync(1280, 720, 2, audio: false);
        using var temp = new TempDirectory();
        var jpeg = temp.File("f.jpg");

        await AzureOpenAIKit.FFmpeg.RunAsync(FrameSampling.Frame(clip, 1.0, jpeg));

        var info = await AzureOpenAIKit.Probe.ProbeAsync(jpeg);
        Assert.Equal(512, info.Video!.Width);
        Assert.Equal(288, info.Video.Height);
    }
}
