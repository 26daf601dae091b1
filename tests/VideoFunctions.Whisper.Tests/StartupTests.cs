using System.Text;
using VideoFunctions.Whisper.Tests.TestSupport;
using VideoPipeline.Tests.TestSupport;

namespace VideoFunctions.Whisper.Tests;

/// <summary>The server as a real process: a model it cannot use stops it at start-up with one line saying why.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly TempDirectory folder = new();

    [Fact]
    public async Task Start_with_a_missing_model_exits_1_with_one_line_naming_the_file()
    {
        var path = this.folder.File("models/ggml-small.bin");

        var (exitCode, stderr, _) = await WhisperServerProcess.RunToExitAsync($"WhisperServer__ModelPath={path}");

        Assert.Equal(1, exitCode);
        Assert.Equal([$"The Whisper model '{path}' cannot be loaded: the file does not exist (is the model volume mounted?)."], stderr);
    }

    [Fact]
    public async Task Start_without_a_model_path_exits_1_naming_the_setting()
    {
        var (exitCode, stderr, _) = await WhisperServerProcess.RunToExitAsync("WhisperServer__ModelPath=");

        Assert.Equal(1, exitCode);
        Assert.Equal(["The Whisper model '' cannot be loaded: WhisperServer__ModelPath is not set."], stderr);
    }

    [Fact]
    public async Task Start_with_a_truncated_model_exits_1_with_one_line_saying_where_it_ends()
    {
        var path = this.folder.File("model.bin");
        TinyGgmlModel.Write(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var (exitCode, stderr, _) = await WhisperServerProcess.RunToExitAsync($"WhisperServer__ModelPath={path}");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr);
        Assert.StartsWith($"The Whisper model '{path}' cannot be loaded: it ends at byte {bytes.Length / 2}, in the data of tensor '", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_with_a_model_whisper_cpp_refuses_exits_1_with_whisper_cpp_s_reason()
    {
        // The layout is intact (same lengths) but one tensor has a name whisper.cpp does not create.
        var path = this.folder.File("model.bin");
        TinyGgmlModel.Write(path);
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.ASCII.GetBytes("decoder.ln.bias");
        var at = bytes.AsSpan().IndexOf(name);
        Encoding.ASCII.GetBytes("decoder.ln.bia_").CopyTo(bytes, at);
        File.WriteAllBytes(path, bytes);

        var (exitCode, stderr, _) = await WhisperServerProcess.RunToExitAsync($"WhisperServer__ModelPath={path}");

        Assert.Equal(1, exitCode);
        Assert.Equal([$"The Whisper model '{path}' cannot be loaded: whisper_model_load: unknown tensor 'decoder.ln.bia_' in model file."], stderr);
    }

    [Fact]
    public async Task Start_requiring_a_gpu_on_a_machine_without_one_exits_1_naming_the_runtime_that_loaded()
    {
        var path = this.folder.File("model.bin");
        TinyGgmlModel.Write(path);

        var (exitCode, stderr, _) = await WhisperServerProcess.RunToExitAsync($"WhisperServer__ModelPath={path}", "WhisperServer__RequireGpu=true");

        Assert.Equal(1, exitCode);
        Assert.Equal([$"The Whisper model '{path}' cannot be loaded: WhisperServer__RequireGpu is set but the Cpu runtime loaded (no GPU runtime or driver found)."], stderr);
    }

    [Fact]
    public async Task Start_with_a_good_model_answers_health_with_the_model_and_runtime()
    {
        var path = this.folder.File("ggml-tiny-test.bin");
        TinyGgmlModel.Write(path);
        await using var server = await WhisperServerProcess.StartAsync($"WhisperServer__ModelPath={path}");
        using var http = new HttpClient();

        var health = await http.GetStringAsync(new Uri(server.BaseUrl, "health"));

        Assert.Equal("""{"status":"ok","model":"ggml-tiny-test.bin","size":"tiny","multilingual":true,"runtime":"Cpu"}""", health);
    }

    public void Dispose() => this.folder.Dispose();
}
