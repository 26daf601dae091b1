using Microsoft.Extensions.Options;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Probing;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Media.Probing;

public sealed class FFprobeMediaProbeTests
{
    private readonly FFprobeMediaProbe probe = new(new FFMpegCoreOptions(Options.Create(new FFmpegOptions())));

    [Fact]
    public async Task ProbeAsync_video_with_audio_reads_streams_and_duration()
    {
        using var temp = new TempDirectory();
        var file = temp.File("clip.mp4");
        await Tool.FFmpegAsync(
            "-f", "lavfi", "-i", "testsrc2=s=640x360:r=30:d=2", "-f", "lavfi", "-i", "sine=f=440:d=2",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", file);

        var info = await this.probe.ProbeAsync(file);

        Assert.Equal("h264", info.Video!.CodecName);
        Assert.Equal(640, info.Video.Width);
        Assert.Equal(360, info.Video.Height);
        Assert.Equal(30, info.Video.FrameRate!.Value, 3);
        Assert.Equal("aac", info.Audio!.CodecName);
        Assert.InRange(info.DurationSeconds!.Value, 1.9, 2.2);
    }

    [Fact]
    public async Task ProbeAsync_text_file_throws_media_probe_exception()
    {
        using var temp = new TempDirectory();
        var file = temp.File("notes.mp3");
        await File.WriteAllTextAsync(file, "this is not audio, just text pretending to be an mp3");

        var error = await Assert.ThrowsAsync<MediaProbeException>(() => this.probe.ProbeAsync(file));

        Assert.Contains("notes.mp3", error.Message);
        Assert.Equal("UNSUPPORTED_MEDIA", error.Code);
    }

    [Fact]
    public async Task ProbeAsync_missing_file_throws_media_probe_exception()
    {
        var error = await Assert.ThrowsAsync<MediaProbeException>(() => this.probe.ProbeAsync("/nonexistent/file.wav"));

        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public async Task ProbeAsync_ntsc_rate_reads_the_rational_frame_rate_and_frame_count()
    {
        using var temp = new TempDirectory();
        var file = temp.File("ntsc.mp4");
        await Tool.FFmpegAsync("-f", "lavfi", "-i", "testsrc2=s=320x240:r=30000/1001:d=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", file);

        var info = await this.probe.ProbeAsync(file);

        Assert.Equal(29.97, info.Video!.FrameRate!.Value, 2);
        Assert.Equal(60, info.Video.FrameCount);
        Assert.Equal("yuv420p", info.Video.PixelFormat);
        Assert.False(info.HasAudio);
    }

    [Fact]
    public async Task ProbeAsync_audio_with_cover_art_has_no_video_but_an_attached_picture()
    {
        using var temp = new TempDirectory();
        var file = temp.File("song.mp3");
        await Tool.FFmpegAsync(
            "-f", "lavfi", "-i", "sine=f=330:d=1", "-f", "lavfi", "-i", "color=c=red:s=64x64:d=0.1",
            "-map", "0:a", "-map", "1:v", "-frames:v", "1", "-c:v", "mjpeg", "-disposition:v", "attached_pic", "-c:a", "libmp3lame", file);

        var info = await this.probe.ProbeAsync(file);

        Assert.True(info.HasAudio);
        Assert.False(info.HasVideo);
        Assert.Contains(info.Streams, s => s.IsAttachedPicture);
        Assert.Equal(1, info.Audio!.Channels);
    }

    [Theory]
    [InlineData("it's \"50%\" off.mp4")]
    [InlineData("$(touch pwned) `x` ;&|.mp4")]
    [InlineData("кофе ☕ 東京 [1].mp4")]
    public async Task ProbeAsync_file_named_with_quotes_and_shell_characters_is_read(string name)
    {
        using var temp = new TempDirectory();
        var file = temp.File(name);
        await Tool.FFmpegAsync("-f", "lavfi", "-i", "testsrc2=s=160x120:r=10:d=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", file);

        var info = await this.probe.ProbeAsync(file);

        Assert.Equal(160, info.Video!.Width);
        Assert.False(File.Exists(Path.Combine(temp.Path, "pwned")));
    }
}
