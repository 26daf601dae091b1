using Microsoft.Extensions.Options;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Probing;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Media.Probing;

public sealed class FFprobeMediaProbeTests
{
    private readonly FFprobeMediaProbe probe = new(Options.Create(new FFmpegOptions()));

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
    public void Parse_string_numbers_rationals_and_missing_fields()
    {
        var info = MediaInfoParser.Parse("""
            {"streams":[{"index":0,"codec_type":"video","codec_name":"h264","width":1280,"height":720,
              "avg_frame_rate":"30000/1001","r_frame_rate":"30/1","nb_frames":"N/A","disposition":{"attached_pic":0}},
             {"index":1,"codec_type":"video","codec_name":"mjpeg","avg_frame_rate":"0/0","disposition":{"attached_pic":1}},
             {"index":2,"codec_type":"audio","codec_name":"aac","sample_rate":"48000","channels":2,"duration":"9.98"}],
             "format":{"format_name":"mov,mp4,m4a","duration":"10.010000","size":"123456","bit_rate":"N/A"}}
            """);

        Assert.Equal(29.97, info.Video!.FrameRate!.Value, 2);
        Assert.Null(info.Video.FrameCount);
        Assert.Equal(0, info.Video.Index);
        Assert.Equal(48000, info.Audio!.SampleRate);
        Assert.Equal(10.01, info.DurationSeconds!.Value, 3);
        Assert.Null(info.BitRate);
        Assert.True(info.Streams[1].IsAttachedPicture);
    }
}
