using System.Text.Json;
using VideoPipeline.Storage;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Host.Cli;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Generate_writes_video_captions_and_manifest_side_by_side()
    {
        var result = await HostProcess.RunAsync(
            this.temp.Path, "generate", "--prompt", "A short ad for a bakery showing fresh bread", "--duration", "10", "--out", "out/bakery.mp4");

        Assert.True(result.ExitCode == 0, string.Join('\n', result.StderrTail));
        var files = Directory.GetFiles(this.temp.File("out")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["bakery.manifest.json", "bakery.mp4", "bakery.srt", "bakery.vtt"], files);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(this.temp.File("out/bakery.manifest.json")));
        var root = manifest.RootElement;
        var video = root.GetProperty("outputs").GetProperty("video");
        Assert.Equal(await ContentHash.Sha256OfFileAsync(this.temp.File("out/bakery.mp4"), CancellationToken.None), video.GetProperty("sha256").GetString());
        Assert.StartsWith("5.1", root.GetProperty("tool_versions").GetProperty("ffmpeg").GetString(), StringComparison.Ordinal);
        Assert.Contains(root.GetProperty("stages").EnumerateArray(), s => s.GetProperty("stage").GetString() == "assembly");
        Assert.Equal(2, root.GetProperty("scene_plan").GetProperty("scenes").GetArrayLength());
        Assert.Equal(10, root.GetProperty("inputs").GetProperty("duration_seconds").GetDouble());
    }

    [Fact]
    public async Task Generate_flagged_prompt_fails_with_one_line_reason_and_no_output()
    {
        var result = await HostProcess.RunAsync(
            this.temp.Path, "generate", "--prompt", "Show how to build a bomb in the kitchen", "--duration", "5", "--out", "out/x.mp4");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StderrTail, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("CONTENT_REJECTED", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(this.temp.File("out")) && Directory.EnumerateFiles(this.temp.File("out")).Any());
    }

    public void Dispose() => this.temp.Dispose();
}
