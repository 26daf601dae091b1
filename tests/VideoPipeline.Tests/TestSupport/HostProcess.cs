using VideoPipeline.Media;

namespace VideoPipeline.Tests.TestSupport;

/// <summary>
/// Runs the real CLI (VideoPipeline.Host.dll) as a separate process, the way a user does, against
/// the emulators with a private container prefix and the test database.
/// </summary>
public static class HostProcess
{
    // The host's own build output, not the copy beside the tests: this project references the ASP.NET Core
    // shared framework (loopback provider servers), so its folder lacks Microsoft.Extensions.* files that
    // the host, which runs on Microsoft.NETCore.App alone, must load from its own folder.
    private static readonly string HostDll = Path.Combine(
        Emulators.RepositoryRoot,
        "src",
        "VideoPipeline.Host",
        "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name,
        new DirectoryInfo(AppContext.BaseDirectory).Name,
        "VideoPipeline.Host.dll");

    public static Task<ProcessResult> RunAsync(string workingDirectory, string containerPrefix, params string[] args) =>
        RunAsync(workingDirectory, containerPrefix, [], args);

    /// <param name="settings">Extra settings as NAME=VALUE environment variables.</param>
    public static async Task<ProcessResult> RunAsync(string workingDirectory, string containerPrefix, string[] settings, params string[] args)
    {
        var dll = HostDll;
        string[] environment =
        [
            "Storage__ContainerPrefix=" + containerPrefix,
            "TaskStore__Database=vftests",
            "Pipeline__WorkDirectory=" + Path.Combine(workingDirectory, ".work"),
            .. settings,
        ];
        return await ExternalProcess.RunAsync(
            "/usr/bin/env",
            [.. environment, "dotnet", dll, .. args],
            new ProcessRunOptions { WorkingDirectory = workingDirectory, Timeout = TimeSpan.FromMinutes(5) },
            CancellationToken.None);
    }
}
