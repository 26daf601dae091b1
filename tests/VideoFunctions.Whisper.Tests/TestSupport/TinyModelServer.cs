using VideoPipeline.Tests.TestSupport;

namespace VideoFunctions.Whisper.Tests.TestSupport;

/// <summary>One Whisper server process on a tiny random model, shared by a test class, and its audio samples.</summary>
public sealed class TinyModelServer : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory folder = new();

    public WhisperServerProcess Server { get; private set; } = null!;

    public Uri Transcriptions => new(this.Server.BaseUrl, "v1/audio/transcriptions");

    public string File(string name) => this.folder.File(name);

    public async Task InitializeAsync()
    {
        var model = this.folder.File("ggml-tiny-random.bin");
        TinyGgmlModel.Write(model, seed: 3);
        this.Server = await WhisperServerProcess.StartAsync(
            $"WhisperServer__ModelPath={model}", "WhisperServer__Threads=1", "WhisperServer__MaxAudioDuration=00:01:30", $"WhisperServer__WorkDirectory={this.folder.File("work")}");
    }

    public async Task DisposeAsync() => await this.Server.DisposeAsync();

    public void Dispose() => this.folder.Dispose();
}
