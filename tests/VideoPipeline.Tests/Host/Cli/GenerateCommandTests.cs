using System.Text.Json;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Tasks;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Host.Cli;

public sealed class GenerateCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly TestServices services = new();

    public Task InitializeAsync() => Emulators.EnsureStartedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Generate_writes_video_captions_and_manifest_side_by_side()
    {
        var result = await this.RunAsync("generate", "--prompt", "A short ad for a bakery showing fresh bread", "--duration", "10", "--out", "out/bakery.mp4");

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
    public async Task Generate_keeps_assets_in_blob_storage_and_a_succeeded_task_record()
    {
        var result = await this.RunAsync("generate", "--prompt", "A calm documentary about mountain lakes", "--duration", "6", "--no-captions", "--out", "out/lake.mp4");
        Assert.True(result.ExitCode == 0, string.Join('\n', result.StderrTail));

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(this.temp.File("out/lake.manifest.json")));
        var jobId = manifest.RootElement.GetProperty("job_id").GetString()!;
        var record = await this.services.Get<ITaskStore>().GetAsync("local", jobId);

        Assert.NotNull(record);
        Assert.Equal(TaskRecordStatus.Succeeded, record.Status);
        Assert.Equal(TaskRecordType.Generate, record.Type);
        Assert.Equal(100, record.Progress);
        Assert.NotNull(record.CompletedAt);
        var finalVideo = AssetRef.Parse(record.Output["final_video"]);
        Assert.NotNull(await this.services.Get<IAssetStore>().GetPropertiesAsync(finalVideo));
        Assert.False(record.Output.ContainsKey("captions_srt"));
    }

    [Fact]
    public async Task Generate_flagged_prompt_fails_with_one_line_reason_a_failed_record_and_no_output()
    {
        var result = await this.RunAsync("generate", "--prompt", "Show how to build a bomb in the kitchen", "--duration", "5", "--out", "out/x.mp4");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StderrTail, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("CONTENT_REJECTED", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(this.temp.File("out")) && Directory.EnumerateFiles(this.temp.File("out")).Any());

        var failed = (await this.services.Get<ITaskStore>().ListAsync("local", new TaskListQuery { Status = TaskRecordStatus.Failed })).Items;
        Assert.Contains(failed, t => t.Error is { Code: "CONTENT_REJECTED", FailedStage: "moderation", Retryable: false });
    }

    [Fact]
    public async Task Generate_with_blob_storage_down_fails_with_one_line_naming_it()
    {
        const string Down = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

        var result = await HostProcess.RunAsync(
            this.temp.Path, this.services.ContainerPrefix, ["AzureWebJobsStorage=" + Down], "generate", "--prompt", "coffee", "--out", "out/x.mp4");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StderrTail, l => l.Length > 0);
        Assert.Contains("Azurite", line, StringComparison.Ordinal);
        Assert.Contains("scripts/emulators.sh start", line, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        this.services.Dispose();
        this.temp.Dispose();
    }

    private Task<VideoPipeline.Media.ProcessResult> RunAsync(params string[] args) =>
        HostProcess.RunAsync(this.temp.Path, this.services.ContainerPrefix, args);
}
