using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Probing;
using VideoPipeline.Providers;
using VideoPipeline.Providers.ComfyUI;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Providers.ComfyUI;

/// <summary>The ComfyUI provider as the application registers it, pointed at loopback servers, with fast retries.</summary>
internal static class ComfyTestServices
{
    public static ServiceProvider Create(IEnumerable<Uri> servers, IDictionary<string, string?>? settings = null)
    {
        var configuration = ContractServer.Settings("ComfyUI", servers, new Dictionary<string, string?>
        {
            ["ComfyUI:RetryDelay"] = "00:00:00.05",
            ["ComfyUI:MaxRetries"] = "2",
            ["ComfyUI:RequestTimeout"] = "00:00:05",
            ["ComfyUI:PollInterval"] = "00:00:01",
            ["ProviderPricing:Prices:0:Provider"] = ComfyHunyuanVideoProvider.ProviderName,
            ["ProviderPricing:Prices:0:Unit"] = "gpu_seconds",
            ["ProviderPricing:Prices:0:Price"] = "0.002",
        }, settings);
        return new ServiceCollection()
            .AddSingleton<IMediaProbe>(new FFprobeMediaProbe(new FFMpegCoreOptions(Options.Create(new FFmpegOptions()))))
            .AddComfyUIProviders(configuration)
            .BuildServiceProvider();
    }

    public static SceneClipRequest Request(double seconds = 3, int sceneNumber = 1) => new()
    {
        Scene = new Scene
        {
            SceneNumber = sceneNumber,
            Description = "Wide shot of a morning kitchen, sunlight through the window",
            DurationSeconds = seconds,
            Entities = [new SceneEntity("person", "center", "pouring_coffee")],
            VisualStyle = new VisualStyle { Lighting = "warm", ColorPalette = "earth_tones" },
        },
        SceneCount = 3,
        Resolution = Resolution.Landscape720,
        Fps = 30,
        FrameCount = (int)Math.Round(seconds * 30),
        Seed = 1234567,
    };
}

/// <summary>A real 2 s 848x480 H.264 clip, made once per test class: what ComfyUI's SaveVideo would have written.</summary>
public sealed class ComfyClipFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory folder = new();

    public string Clip => this.folder.File("hunyuan.mp4");

    public Task InitializeAsync() => Tool.FFmpegAsync(
        "-f", "lavfi", "-i", "testsrc2=s=848x480:r=24:d=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", this.Clip);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => this.folder.Dispose();
}
