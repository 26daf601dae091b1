using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Host.Cli;

/// <summary>Each bad input: exit code 2, one line on stderr naming the option, nothing written at --out.</summary>
public sealed class GenerateBadInputTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Theory]
    [InlineData("", "--prompt")]
    [InlineData("   \t ", "--prompt")]
    public async Task Generate_empty_prompt_exits_2_naming_prompt(string prompt, string option)
    {
        await this.AssertRejectedAsync(option, ["--prompt", prompt]);
    }

    [Fact]
    public async Task Generate_prompt_over_4000_characters_exits_2_naming_prompt()
    {
        await this.AssertRejectedAsync("--prompt", ["--prompt", new string('a', 4001)]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("600.5")]
    public async Task Generate_duration_out_of_range_exits_2_naming_duration(string duration)
    {
        await this.AssertRejectedAsync("--duration", ["--prompt", "coffee", "--duration", duration]);
    }

    [Fact]
    public async Task Generate_unparseable_duration_exits_2_naming_duration()
    {
        await this.AssertRejectedAsync("--duration", ["--prompt", "coffee", "--duration", "thirty"]);
    }

    [Fact]
    public async Task Generate_unknown_resolution_exits_2_naming_resolution()
    {
        await this.AssertRejectedAsync("--resolution", ["--prompt", "coffee", "--resolution", "640x480"]);
    }

    [Fact]
    public async Task Generate_missing_music_file_exits_2_naming_music()
    {
        await this.AssertRejectedAsync("--music", ["--prompt", "coffee", "--music", this.temp.File("nope.mp3")]);
    }

    [Fact]
    public async Task Generate_non_media_music_file_exits_2_naming_music()
    {
        var text = this.temp.File("song.mp3");
        await File.WriteAllTextAsync(text, "la la la, not really a song");

        await this.AssertRejectedAsync("--music", ["--prompt", "coffee", "--music", text]);
    }

    [Fact]
    public async Task Generate_output_under_a_file_exits_2_naming_out()
    {
        var file = this.temp.File("a-file.txt");
        await File.WriteAllTextAsync(file, "x");

        await this.AssertRejectedAsync("--out", ["--prompt", "coffee", "--out", Path.Combine(file, "video.mp4")], checkOut: false);
    }

    [Fact]
    public async Task Generate_output_on_a_read_only_filesystem_exits_2_naming_out()
    {
        await this.AssertRejectedAsync("--out", ["--prompt", "coffee", "--out", "/proc/videofunctions-test/video.mp4"], checkOut: false);
    }

    [Fact]
    public async Task Generate_missing_prompt_option_exits_2_naming_prompt()
    {
        var result = await HostProcess.RunAsync(this.temp.Path, Emulators.UniquePrefix(), "generate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--prompt", Assert.Single(result.StderrTail));
    }

    private async Task AssertRejectedAsync(string option, string[] args, bool checkOut = true)
    {
        var outDir = this.temp.File("out");
        var hasOut = args.Contains("--out");
        string[] argv = hasOut ? ["generate", .. args] : ["generate", .. args, "--out", Path.Combine(outDir, "video.mp4")];

        var result = await HostProcess.RunAsync(this.temp.Path, Emulators.UniquePrefix(), argv);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StderrTail, l => l.Length > 0);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(option, line, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
        if (checkOut)
        {
            Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "files were written at --out");
        }
    }

    public void Dispose() => this.temp.Dispose();
}
