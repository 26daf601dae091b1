using VideoPipeline.Media;

namespace VideoPipeline.Tests.TestSupport;

/// <summary>Runs the real CLI (VideoPipeline.Host.dll) as a separate process, the way a user does.</summary>
public static class HostProcess
{
    public static async Task<ProcessResult> RunAsync(string workingDirectory, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "VideoPipeline.Host.dll");
        var assets = Path.Combine(workingDirectory, ".data", "assets");
        var work = Path.Combine(workingDirectory, ".data", "work");
        return await ExternalProcess.RunAsync(
            "/usr/bin/env",
            ["Storage__FileRoot=" + assets, "Pipeline__WorkDirectory=" + work, "dotnet", dll, .. args],
            new ProcessRunOptions { WorkingDirectory = workingDirectory, Timeout = TimeSpan.FromMinutes(5) },
            CancellationToken.None);
    }
}
