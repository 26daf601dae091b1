using Microsoft.Extensions.Options;
using Whisper.net;
using Whisper.net.LibraryLoader;
using Whisper.net.Logger;

namespace VideoFunctions.Whisper.Model;

/// <summary>
/// The one model this server serves, loaded once at start-up (the factory is shared by every request's
/// processor). Loading checks the file's layout first (<see cref="GgmlModelFile"/>), then lets whisper.cpp
/// load it; any failure becomes one <see cref="InvalidModelException"/> that names the file and the reason.
/// </summary>
public sealed class WhisperModel : IDisposable
{
    private static readonly RuntimeLibrary[] GpuRuntimes = [RuntimeLibrary.Cuda, RuntimeLibrary.Cuda12, RuntimeLibrary.Vulkan, RuntimeLibrary.CoreML];

    private readonly WhisperFactory factory;

    public WhisperModel(IOptions<WhisperServerOptions> options, ILogger<WhisperModel> logger)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ModelPath))
        {
            throw new InvalidModelException("", $"{WhisperServerOptions.Section}__ModelPath is not set");
        }

        this.Path = System.IO.Path.GetFullPath(settings.ModelPath);
        this.Info = GgmlModelFile.Inspect(this.Path);
        if (settings.Runtimes.Count > 0)
        {
            RuntimeOptions.RuntimeLibraryOrder = [.. settings.Runtimes.Select(ParseRuntime)];
        }

        // whisper.cpp says why a load failed only in its log: its first error line is the reason, later ones the consequences.
        string? nativeError = null;
        using (LogProvider.AddLogger((level, message) =>
        {
            if (level == WhisperLogLevel.Error && !string.IsNullOrWhiteSpace(message))
            {
                nativeError ??= message.Trim();
            }
        }))
        {
            try
            {
                this.factory = WhisperFactory.FromPath(this.Path, new WhisperFactoryOptions { UseGpu = settings.UseGpu });
                this.factory.CreateBuilder().Build().Dispose(); // the context is checked when the first builder is made
            }
            catch (Exception e) when (e is WhisperModelLoadException or DllNotFoundException or InvalidOperationException)
            {
                this.factory?.Dispose();
                throw new InvalidModelException(this.Path, nativeError ?? e.Message, e);
            }
        }

        this.Runtime = RuntimeOptions.LoadedLibrary?.ToString() ?? "unknown";
        if (settings.RequireGpu && !GpuRuntimes.Contains(RuntimeOptions.LoadedLibrary ?? RuntimeLibrary.Cpu))
        {
            this.factory.Dispose();
            throw new InvalidModelException(this.Path, $"{WhisperServerOptions.Section}__RequireGpu is set but the {this.Runtime} runtime loaded (no GPU runtime or driver found)");
        }

        WhisperServerLog.ModelLoaded(logger, this.Path, this.Info.HyperParameters.SizeName, this.Info.HyperParameters.IsMultilingual, this.Runtime);
    }

    public string Path { get; }

    public GgmlModelInfo Info { get; }

    /// <summary>The native runtime Whisper.net loaded (Cuda12, Cpu, …).</summary>
    public string Runtime { get; }

    public WhisperProcessorBuilder CreateBuilder() => this.factory.CreateBuilder();

    public void Dispose() => this.factory.Dispose();

    private static RuntimeLibrary ParseRuntime(string name) =>
        Enum.TryParse<RuntimeLibrary>(name, ignoreCase: true, out var runtime)
            ? runtime
            : throw new InvalidModelException("", $"{WhisperServerOptions.Section}__Runtimes lists '{name}', not one of {string.Join(", ", Enum.GetNames<RuntimeLibrary>())}");
}
