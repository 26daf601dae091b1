using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Text;
using VideoPipeline.Workflow.Tasks;

namespace VideoPipeline.Tests.Workflow.Tasks;

public sealed class TaskMediaArgumentsTests
{
    private static readonly FFmpegOptions Encode = new();

    [Fact]
    public void BurnCaptions_escapes_the_subtitle_path_inside_the_filter_graph()
    {
        var args = TaskMediaArguments.BurnCaptions("/in/v.mp4", "/tmp/it's:[x].ass", [], "/out/o.mp4", Encode).Build().ToList();

        Assert.Equal(@"[0:v]ass=filename=/tmp/it\\\'s\\:\[x\].ass[v]", args[args.IndexOf("-filter_complex") + 1]);
    }

    [Fact]
    public void BurnCaptions_overlays_colour_emoji_after_libass_golden()
    {
        var sprite = new EmojiSprite("/w/emoji-0.png", new EmojiPlacement("\U0001F389", 0, 769, 603, 46, 43, 1.5, 2.25));

        var args = TaskMediaArguments.BurnCaptions("/in/v.mp4", "/w/c.ass", [sprite], "/out/o.mp4", Encode).Build().ToList();

        Assert.Equal(
            "-hide_banner -nostdin -y -loglevel error -protocol_whitelist file -i file:/in/v.mp4 -protocol_whitelist file -i file:/w/emoji-0.png "
            + "-filter_complex [0:v]ass=filename=/w/c.ass[vt0];[1:v]scale=w=46:h=43:flags=lanczos[ve0];[vt0][ve0]overlay=x=769:y=603:enable=between(t\\,1.5\\,2.25)[v]",
            string.Join(' ', args.Take(args.IndexOf("-filter_complex") + 2)));
    }

    [Fact]
    public void MixMusic_copies_h264_video_and_loops_the_music_input()
    {
        var facts = new MediaFacts(3, true, true, 320, 240, 25, "h264", "aac");

        var args = TaskMediaArguments.MixMusic("/in/v.mp4", facts, "/in/m.wav", 0.3, 1, "/out/o.mp4", Encode).Build().ToList();

        Assert.Equal("copy", args[args.IndexOf("-c:v") + 1]);
        Assert.Equal("-1", args[args.IndexOf("-stream_loop") + 1]);
        Assert.Equal(
            "[1:a]volume=volume=0.3,aresample=osr=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,atrim=end=3[m];"
            + "[0:a]volume=volume=1,aresample=osr=48000,aformat=sample_fmts=fltp:channel_layouts=stereo[va];"
            + "[va][m]amix=inputs=2:duration=longest:normalize=0[a]",
            args[args.IndexOf("-filter_complex") + 1]);
    }

    [Fact]
    public void Merge_contain_pads_every_scene_to_the_first_scenes_even_size()
    {
        var first = new MediaFacts(2, true, false, 641, 361, 24, "h264", "");
        var second = new MediaFacts(1, true, true, 320, 240, 30, "h264", "aac");

        var graph = TaskMediaArguments.Merge(
            [new MergeSceneFiles("/a.mp4", first, "/a.wav"), new MergeSceneFiles("/b.mp4", second, "/b.wav")],
            FitMode.Contain, 0.2, 2, "/o.mp4", Encode).Build().SkipWhile(a => a != "-filter_complex").ElementAt(1);

        Assert.Contains("[2:v]scale=w=640:h=360:force_original_aspect_ratio=decrease,pad=w=640:h=360:x=(ow-iw)/2:y=(oh-ih)/2,setsar=r=1,fps=fps=24", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("[0:a]", graph, StringComparison.Ordinal);
        Assert.EndsWith("[sv0][a0][sv1][a1]concat=n=2:v=1:a=1[v][a]", graph, StringComparison.Ordinal);
    }
}
