using VideoPipeline.Domain;
using VideoPipeline.Media.Assembly;
using VideoPipeline.Media.Audio;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Text;

namespace VideoPipeline.Tests.Media.Assembly;

public sealed class AssemblyArgumentsTests
{
    private static readonly AssemblySpec Spec = new()
    {
        Resolution = Resolution.Landscape720,
        Fps = 30,
        DurationSeconds = 10,
        Fit = FitMode.Cover,
        Clips = [new AssemblyClip("/a/s1.mp4", 0, 150, HasAudio: false), new AssemblyClip("/a/s2.mp4", 5, 150, HasAudio: true)],
        Voices = [new AssemblyVoice("/a/v1.wav", 0.25)],
        MusicPath = "/a/m.wav",
        Overlays = [new AssemblyOverlay("50% off: now", 2, 5, "top")],
        CaptionsPath = "/a/c.ass",
        OverlaysPath = "/a/o.ass",
        Sprites = [new EmojiSprite("/a/e0.png", new EmojiPlacement("\U0001F600", 0, 600, 80, 48, 45, 2, 5))],
    };

    private static readonly LoudnessMeasurement Measured = new(-20.5, -3.2);

    [Fact]
    public void BuildMeasurePass_decodes_audio_only_and_measures_it_golden()
    {
        var args = AssemblyArguments.BuildMeasurePass(Spec, new AudioMixOptions());

        Assert.Equal(
            """
            -hide_banner -nostdin -y -loglevel info -protocol_whitelist file -i file:/a/v1.wav -protocol_whitelist file -i file:/a/s2.mp4 -protocol_whitelist file -stream_loop -1 -i file:/a/m.wav -filter_complex [0:a]aresample=osr=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,volume=volume=2,adelay=delays=250:all=1[vo0];[1:a]aresample=osr=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,atrim=duration=5,asetpts=expr=PTS-STARTPTS,volume=volume=0.2,adelay=delays=5000:all=1[sa1];[2:a]aresample=osr=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,atrim=duration=10,volume=volume=0.3,afade=t=out:st=7:d=3[mus];[vo0][sa1][mus]amix=inputs=3:duration=longest:dropout_transition=0:normalize=0,apad=whole_dur=10,atrim=duration=10,ebur128=peak=true:framelog=verbose,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo[aout] -map [aout] -f null -
            """,
            string.Join(' ', args.Build()));
    }

    [Fact]
    public void BuildFinalPass_encodes_video_once_with_captions_overlays_emoji_thumbnail_and_normalized_mix_golden()
    {
        var args = AssemblyArguments.BuildFinalPass(Spec, new AudioMixOptions(), Measured, new FFmpegOptions(), "/o/v.mp4", "/o/t.jpg");

        Assert.Equal(
            """
            -hide_banner -nostdin -y -loglevel info -protocol_whitelist file -i file:/a/s1.mp4 -protocol_whitelist file -i file:/a/s2.mp4 -protocol_whitelist file -i file:/a/e0.png -protocol_whitelist file -i file:/a/v1.wav -protocol_whitelist file -stream_loop -1 -i file:/a/m.wav -filter_complex [0:v]scale=w=1280:h=720:force_original_aspect_ratio=increase,crop=w=1280:h=720,setsar=r=1,fps=fps=30,format=pix_fmts=yuv420p,tpad=stop_mode=clone:stop_duration=5,trim=end_frame=150,setpts=expr=PTS-STARTPTS[v0];[1:v]scale=w=1280:h=720:force_original_aspect_ratio=increase,crop=w=1280:h=720,setsar=r=1,fps=fps=30,format=pix_fmts=yuv420p,tpad=stop_mode=clone:stop_duration=5,trim=end_frame=150,setpts=expr=PTS-STARTPTS[v1];[v0][v1]concat=n=2:v=1:a=0,ass=filename=/a/c.ass,ass=filename=/a/o.ass[veditt0];[2:v]scale=w=48:h=45:flags=lanczos[vedite0];[veditt0][vedite0]overlay=x=600:y=80:enable=between(t\,2\,5)[vedit];[3:a]aresample=osr=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,volume=volume=2,adelay=delays=250:all=1[vo0];[1:a]aresample=osr=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,atrim=duration=5,asetpts=expr=PTS-STARTPTS,volume=volume=0.2,adelay=delays=5000:all=1[sa1];[4:a]aresample=osr=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,atrim=duration=10,volume=volume=0.3,afade=t=out:st=7:d=3[mus];[vo0][sa1][mus]amix=inputs=3:duration=longest:dropout_transition=0:normalize=0,apad=whole_dur=10,atrim=duration=10,volume=volume=4.5dB,alimiter=limit=0.7943:level=0,ebur128=peak=true:framelog=verbose,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo[aout];[vedit]split=outputs=2[vout][vthumb];[vthumb]select=expr=eq(n\,75)[thumb] -map [vout] -map [aout] -c:v libx264 -preset veryfast -crf 21 -pix_fmt yuv420p -profile:v high -r 30 -c:a aac -b:a 160k -ar 48000 -t 10 -movflags +faststart file:/o/v.mp4 -map [thumb] -frames:v 1 -q:v 3 file:/o/t.jpg
            """,
            string.Join(' ', args.Build()));
    }

    [Fact]
    public void BuildAudioTrackCopy_copies_the_encoded_mix_golden()
    {
        Assert.Equal(
            "-hide_banner -nostdin -y -loglevel error -protocol_whitelist file -i file:/o/v.mp4 -map 0:a:0 -vn -c:a copy -movflags +faststart file:/o/a.m4a",
            string.Join(' ', AssemblyArguments.BuildAudioTrackCopy("/o/v.mp4", "/o/a.m4a").Build()));
    }

    [Fact]
    public void BuildFinalPass_contain_fit_letterboxes_instead_of_cropping()
    {
        var args = string.Join(' ', AssemblyArguments.BuildFinalPass(
            Spec with { Fit = FitMode.Contain }, new AudioMixOptions(), Measured, new FFmpegOptions(), "/o/v.mp4", "/o/t.jpg").Build());

        Assert.Contains("force_original_aspect_ratio=decrease,pad=w=1280:h=720:x=(ow-iw)/2:y=(oh-ih)/2:color=black", args, StringComparison.Ordinal);
        Assert.DoesNotContain("crop=", args, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildFinalPass_encodes_video_exactly_once()
    {
        var args = AssemblyArguments.BuildFinalPass(Spec, new AudioMixOptions(), Measured, new FFmpegOptions(), "/o/v.mp4", "/o/t.jpg").Build();

        Assert.Single(args, a => a == "-c:v");
    }

    [Fact]
    public void BuildFinalPass_silent_mix_gets_no_gain()
    {
        var silent = new LoudnessMeasurement(-70, double.NegativeInfinity);

        var args = string.Join(' ', AssemblyArguments.BuildFinalPass(Spec, new AudioMixOptions(), silent, new FFmpegOptions(), "/o/v.mp4", "/o/t.jpg").Build());

        Assert.Contains("volume=volume=0dB,alimiter", args, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildMeasurePass_without_any_audio_mixes_silence()
    {
        var args = string.Join(' ', AssemblyArguments.BuildMeasurePass(
            Spec with { Voices = [], MusicPath = null, Clips = [new AssemblyClip("/a/s1.mp4", 0, 300, HasAudio: false)] }, new AudioMixOptions()).Build());

        Assert.Contains("-f lavfi -i anullsrc=r=48000:cl=stereo", args, StringComparison.Ordinal);
        Assert.Contains("[0:a]amix=inputs=1", args, StringComparison.Ordinal);
    }
}
