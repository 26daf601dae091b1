using VideoPipeline.Media;

namespace VideoPipeline.Tests.TestSupport;

/// <summary>
/// Runs the real CLI (VideoPipeline.Host.dll) as a separate process, the way a user does, against
/// the emulators with a private container prefix and the test database.
/// </summary>
public static class HostProcess
{
    /// <summary>
    /// The CLI from its own build output (same configuration and framework as the tests). Not the copy in
    /// the test folder: the tests reference the ASP.NET Core framework (for loopback servers), so the
    /// Microsoft.Extensions packages the CLI loads from its folder are not copied there.
    /// </summary>
    private static string HostDll
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            return Path.Combine(Emulators.RepositoryRoot, "src", "VideoPipeline.Host", "bin", configuration, framework.Name, "VideoPipeline.Host.dll");
        }
    }

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
