using VideoPipeline.Media.FFmpeg;

namespace VideoPipeline.Tests.Media.FFmpeg;

public sealed class FFmpegArgumentsTests
{
    [Fact]
    public void Build_file_input_to_encoded_output_golden()
    {
        var args = FFmpegArguments.Create();
        args.AddInput(FFmpegInput.File("/media/in.mp4"));
        args.AddOutput("/media/out.mp4", o => o.VideoCodec("libx264").Preset("veryfast").Crf(23).AudioCodec("aac").FastStart());

        Assert.Equal(
            "-hide_banner -nostdin -y -loglevel error -protocol_whitelist file -i file:/media/in.mp4 "
            + "-c:v libx264 -preset veryfast -crf 23 -c:a aac -movflags +faststart file:/media/out.mp4",
            string.Join(' ', args.Build()));
    }

    [Fact]
    public void Build_lavfi_input_with_filter_graph_golden()
    {
        var args = FFmpegArguments.Create();
        args.AddInput(FFmpegInput.Lavfi(new Filter("testsrc2").With("s", "320x240").With("r", 25)));
        var graph = new FilterGraph();
        graph.Chain("0:v").Then("scale", f => f.With("w", 160).With("h", 120)).Then("setsar", f => f.With("r", 1)).To("v");
        args.WithFilterGraph(graph).AddOutput("/tmp/o.mp4", o => o.Map("v").Frames(10));

        Assert.Equal(
            "-hide_banner -nostdin -y -loglevel error -f lavfi -i testsrc2=s=320x240:r=25 "
            + "-filter_complex [0:v]scale=w=160:h=120,setsar=r=1[v] -map [v] -frames:v 10 file:/tmp/o.mp4",
            string.Join(' ', args.Build()));
    }

    [Fact]
    public void Build_looped_input_and_null_output_golden()
    {
        var args = FFmpegArguments.Create().WithLogLevel("info");
        args.AddInput(FFmpegInput.File("/m/music.wav").Loop());
        args.AddNullOutput(o => o.MapStream("0:a").Duration(12.5));

        Assert.Equal(
            "-hide_banner -nostdin -y -loglevel info -protocol_whitelist file -stream_loop -1 -i file:/m/music.wav -map 0:a -t 12.5 -f null -",
            string.Join(' ', args.Build()));
    }

    [Fact]
    public void Build_path_that_looks_like_a_protocol_stays_a_file()
    {
        var args = FFmpegArguments.Create();
        args.AddInput(FFmpegInput.File("/x/http:evil.mp4"));
        args.AddOutput("/x/out.mp4", _ => { });

        Assert.Contains("file:/x/http:evil.mp4", args.Build());
    }

    [Fact]
    public void Build_without_output_throws()
    {
        Assert.Throws<InvalidOperationException>(() => FFmpegArguments.Create().Build());
    }

    [Fact]
    public void Graph_multiple_chains_joined_with_semicolons_golden()
    {
        var graph = new FilterGraph();
        graph.Chain("0:v").Then("fps", f => f.With("fps", 30)).To("a");
        graph.Chain("1:v").Then("fps", f => f.With("fps", 30)).To("b");
        graph.Chain("a", "b").Then("concat", f => f.With("n", 2).With("v", 1).With("a", 0)).To("out");

        Assert.Equal("[0:v]fps=fps=30[a];[1:v]fps=fps=30[b];[a][b]concat=n=2:v=1:a=0[out]", graph.ToString());
    }

    [Fact]
    public void Filter_numbers_are_invariant_and_never_exponential()
    {
        var filter = new Filter("volume").With("volume", 0.0000001).With("x", 1234567.125).With("y", -0.0);

        Assert.Equal("volume=volume=0:x=1234567.125:y=0", filter.ToString());
    }

    [Theory]
    [InlineData("bad label")]
    [InlineData("a]b")]
    [InlineData("")]
    public void Chain_rejects_pad_labels_outside_the_safe_alphabet(string pad)
    {
        Assert.Throws<ArgumentException>(() => new FilterGraph().Chain(pad));
    }

    [Fact]
    public void Filter_rejects_option_names_that_could_inject()
    {
        Assert.Throws<ArgumentException>(() => new Filter("drawtext").With("text=x:fontfile", "y"));
    }
}
