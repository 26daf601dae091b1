using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using Microsoft.DurableTask.Client;
using VideoPipeline.Media.Probing;
using VideoPipeline.Providers.Routing;
using VideoPipeline.Storage;
using VideoPipeline.Tests.Providers.AzureOpenAI;
using VideoPipeline.Tests.Storage;
using VideoPipeline.Tests.TestSupport;
using VideoPipeline.Workflow;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Tests.EndToEnd;

/// <summary>
/// One job with every Azure-mode provider (planner, moderation, TTS, transcription, Sora 2) pointed at a
/// loopback server speaking Azure OpenAI's wire contract, and a ComfyUI server that is down. Only
/// configuration differs from the offline job. The fake returns real media made with ffmpeg.
/// </summary>
public sealed class AzureModeJobFixture : IAsyncLifetime
{
    public const string KitchenScene = "Wide shot of a sunny kitchen";

    // The fake Sora fails any prompt with this word, and simplifying keeps it: the scene must move on.
    public const string DoomedScene = "A " + FakeAzureOpenAIServer.FailWord + " sandcastle at dusk";

    internal FakeAzureOpenAIServer Server { get; private set; } = null!;

    public TestServices Services { get; private set; } = null!;

    public OrchestrationMetadata Result { get; private set; } = null!;

    public GenerateVideoInput Input { get; private set; } = null!;

    public GenerateVideoResult Output => this.Result.ReadOutputAs<GenerateVideoResult>()!;

    public async Task InitializeAsync()
    {
        await Emulators.EnsureStartedAsync();
        this.Server = await FakeAzureOpenAIServer.StartAsync();
        this.Server.PlanContent = (_, seconds) => FakeAzureOpenAIServer.Plan(
            (KitchenScene, seconds / 2, "Mornings start here."),
            (DoomedScene, seconds / 2, "Some things never last."));
        this.Services = new TestServices(this.Settings());
        var settings = OrchestrationSettings.From(
            this.Services.Get<IOptions<PipelineOptions>>().Value,
            this.Services.Get<IOptions<SceneRoutingOptions>>().Value);
        var request = new VideoRequest { Prompt = "A short ad for a coffee brand", DurationSeconds = 8, Captions = true };
        this.Input = new GenerateVideoInput("azure-mode", request) { Settings = settings };
        this.Result = await this.Services.RunOrchestrationAsync(GenerateVideoOrchestrator.Name, "azure-mode", this.Input);
    }

    public async Task DisposeAsync()
    {
        // Null when start-up failed half-way (e.g. the emulators are down): report that, not a cleanup error.
        this.Services?.Dispose();
        if (this.Server is not null)
        {
            await this.Server.DisposeAsync();
        }
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Providers:Planner"] = "azure-openai",
            ["Providers:Moderation"] = "azure-openai",
            ["Providers:Speech"] = "azure-openai",
            ["Providers:Transcription"] = "azure-openai",
            ["AzureOpenAI:RetryDelay"] = "00:00:00.01",
            ["AzureOpenAI:Sora2:PollInterval"] = "00:00:01",
            ["AzureOpenAI:Sora2:Prices:video_seconds"] = "0.1",
            ["AzureOpenAI:Speech:Prices:characters"] = "0.000015",
            ["AzureOpenAI:Planner:Prices:input_tokens"] = "0.00000015",
            ["ComfyUI:BaseUrls:0"] = $"http://127.0.0.1:{LoopbackHttpServer.FreePort()}",
            ["ComfyUI:MaxRetries"] = "0",
            ["ComfyUI:RetryDelay"] = "00:00:00.01",
            ["SceneRouting:ProviderOrder:0"] = "azure-openai/sora-2",
            ["SceneRouting:ProviderOrder:1"] = "comfyui/hunyuan-video",
            ["SceneRouting:ProviderOrder:2"] = SceneRoutingPolicy.OfflineRenderer,
            ["Pipeline:RetryFirstInterval"] = "00:00:00.05",
            ["Pipeline:RemoteClipPollInterval"] = "00:00:01",
            ["Pipeline:FrameCheckFramesPerScene"] = "2",
        };
        foreach (var capability in new[] { "Planner", "Moderation", "Speech", "Transcription", "Sora2" })
        {
            settings[$"AzureOpenAI:{capability}:Deployments:0:Endpoint"] = this.Server.Endpoint;
            settings[$"AzureOpenAI:{capability}:Deployments:0:ApiKey"] = AzureOpenAIKit.FakeKey;
            settings[$"AzureOpenAI:{capability}:Deployments:0:Deployment"] = capability.ToLowerInvariant();
        }

        return settings;
    }
}
