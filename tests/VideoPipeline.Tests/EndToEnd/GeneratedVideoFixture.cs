using VideoPipeline.Domain;
using VideoPipeline.Serialization;
using VideoPipeline.Storage;
using VideoPipeline.Tests.TestSupport;
using VideoPipeline.Workflow;
using VideoPipeline.Workflow.Activities;
using VideoPipeline.Workflow.Contracts;
using VideoPipeline.Durable;
using VideoPipeline.Durable.InProcess;

namespace VideoPipeline.Tests.EndToEnd;

/// <summary>
/// One real 30 s generate of the seed prompt through the whole pipeline (real ffmpeg, festival,
/// pocketsphinx), shared by the end-to-end specification tests. Includes an overlay with every
/// character the filter escaping must survive.
/// </summary>
public sealed class GeneratedVideoFixture : IAsyncLifetime
{
    public const string TrickyOverlay = "It's 50% off: \"now\" \\ [today], a,b\nand more";
    public const double OverlayStart = 2.0;
    public const double OverlayEnd = 5.0;

    public TestServices Services { get; } = new();

    public OrchestrationResult Orchestration { get; private set; } = null!;

    public GenerateVideoResult Result { get; private set; } = null!;

    public string VideoPath { get; private set; } = null!;

    public string SrtPath { get; private set; } = null!;

    public VideoRequest Request { get; } = new()
    {
        Prompt = "A 30-second ad for a new coffee brand showing morning routine",
        DurationSeconds = 30,
        EditingInstructions =
        [
            new EditingInstruction { Text = TrickyOverlay, Timestamp = OverlayStart, Duration = OverlayEnd - OverlayStart },
        ],
    };

    public async Task InitializeAsync()
    {
        await Emulators.EnsureStartedAsync();
        var runner = this.Services.Get<InProcessOrchestrationRunner>();
        this.Orchestration = await runner.RunAsync(GenerateVideoOrchestrator.Name, "e2e-coffee", new GenerateVideoInput("e2e-coffee", this.Request));
        Assert.True(
            this.Orchestration.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"{this.Orchestration.RuntimeStatus}: {this.Orchestration.FailureDetails?.ErrorMessage}");
        this.Result = this.Orchestration.ReadOutput<GenerateVideoResult>();
        this.VideoPath = await this.Services.DownloadAsync(this.Result.Final.Video);
        this.SrtPath = await this.Services.DownloadAsync(this.Result.Captions!.Srt);
    }

    /// <summary>Re-runs only the final encode with a changed input (e.g. no captions), reusing every generated asset.</summary>
    public async Task<string> ReassembleAsync(string jobId, Func<AssembleVideoInput, AssembleVideoInput> change)
    {
        var scheduled = this.Orchestration.History.Single(e => e.EventType == HistoryEventTypes.TaskScheduled && e.Name == ActivityNames.AssembleVideo);
        var input = change(PipelineJson.Deserialize<AssembleVideoInput>(scheduled.Payload!) with { JobId = jobId });
        var activity = new AssembleVideoActivity(
            this.Services.Get<IAssetStore>(),
            this.Services.Get<VideoPipeline.Media.FFmpeg.IFFmpegRunner>(),
            this.Services.Get<VideoPipeline.Media.Probing.IMediaProbe>(),
            this.Services.Get<Microsoft.Extensions.Options.IOptions<VideoPipeline.Media.FFmpeg.FFmpegOptions>>(),
            this.Services.Get<Microsoft.Extensions.Options.IOptions<VideoPipeline.Media.Assembly.AudioMixOptions>>(),
            this.Services.Get<VideoPipeline.Media.Text.TextFonts>(),
            this.Services.Get<Microsoft.Extensions.Options.IOptions<PipelineOptions>>());
        var result = await activity.RunAsync(new ActivityContext(ActivityNames.AssembleVideo, jobId, CancellationToken.None), input);
        return await this.Services.DownloadAsync(result.Video);
    }

    public Task DisposeAsync()
    {
        this.Services.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class GeneratedVideoGroup : ICollectionFixture<GeneratedVideoFixture>
{
    public const string Name = "generated video";
}
