using VideoPipeline.Media.Probing;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.EndToEnd;

[Collection(GeneratedVideoGroup.Name)]
public sealed class GeneratedVideoTests(GeneratedVideoFixture fixture)
{
    [Fact]
    public async Task Generate_30s_request_is_h264_aac_at_the_requested_size_and_length()
    {
        var info = await fixture.Services.Get<IMediaProbe>().ProbeAsync(fixture.VideoPath);

        Assert.Equal("h264", info.Video!.CodecName);
        Assert.Equal("aac", info.Audio!.CodecName);
        Assert.Equal(1280, info.Video.Width);
        Assert.Equal(720, info.Video.Height);
        Assert.InRange(info.DurationSeconds!.Value, 29.5, 30.5);
    }

    [Fact]
    public async Task Generate_audio_is_not_silent()
    {
        Assert.True(await AudioMeter.MeanVolumeAsync(fixture.VideoPath) > -35);
    }

    [Fact]
    public async Task Generate_integrated_loudness_is_within_1_5_LU_of_minus_16()
    {
        var lufs = await AudioMeter.IntegratedLoudnessAsync(fixture.VideoPath);

        Assert.InRange(lufs, -17.5, -14.5);
    }

    [Fact]
    public async Task Generate_true_peak_stays_under_minus_1_5_dbtp()
    {
        Assert.True(await AudioMeter.TruePeakAsync(fixture.VideoPath) <= -1.5);
    }

    [Fact]
    public void Generate_plans_six_scenes_summing_to_the_duration()
    {
        Assert.Equal(6, fixture.Result.Plan.Scenes.Count);
        Assert.Equal(30, fixture.Result.Plan.Scenes.Sum(s => s.DurationSeconds), 6);
    }

    [Fact]
    public async Task Generate_every_scene_clip_has_its_exact_frame_count()
    {
        var probe = fixture.Services.Get<IMediaProbe>();
        foreach (var clip in fixture.Result.Clips)
        {
            var info = await probe.ProbeAsync(await fixture.Services.DownloadAsync(clip.Clip));
            Assert.Equal(150, info.Video!.FrameCount);
            Assert.Equal(1280, info.Video.Width);
        }
    }
}
