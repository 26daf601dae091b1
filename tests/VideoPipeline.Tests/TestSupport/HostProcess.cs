using VideoPipeline.Media;

namespace VideoPipeline.Tests.TestSupport;

/// <summary>
/// Runs the real CLI (VideoPipeline.Host.dll) as a separate process, the way a user does, against
/// the emulators with a private container prefix and the test database.
/// </summary>
public static class HostProcess
{
    // The CLI runs from its own build output with its own deps.json, as a user runs it. A copy in this
    // project's output would miss assemblies that the test project takes from the ASP.NET Core shared
    // framework (referenced for the loopback Kestrel servers) while the CLI's deps.json expects them beside it.
    private static readonly Lazy<string> HostDll = new(FindHostDll);

    public static Task<ProcessResult> RunAsync(string workingDirectory, string containerPrefix, params string[] args) =>
        RunAsync(workingDirectory, containerPrefix, [], args);

    /// <param name="settings">Extra settings as NAME=VALUE environment variables.</param>
    public static async Task<ProcessResult> RunAsync(string workingDirectory, string containerPrefix, string[] settings, params string[] args)
    {
        var dll = HostDll.Value;
        string[] environment = [.. Environment(workingDirectory, containerPrefix), .. settings];
        return await ExternalProcess.RunAsync(
            "/usr/bin/env",
            [.. environment, "dotnet", dll, .. args],
            new ProcessRunOptions { WorkingDirectory = workingDirectory, Timeout = TimeSpan.FromMinutes(5) },
            CancellationToken.None);
    }

    /// <summary>Starts a long-running verb (<c>worker</c>); the caller stops or kills it.</summary>
    public static System.Diagnostics.Process Start(string workingDirectory, string containerPrefix, string[] settings, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostDll.Value);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var setting in Environment(workingDirectory, containerPrefix).Concat(settings))
        {
            var (name, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            start.Environment[name] = value;
        }

        var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");

        // Drained so a chatty child never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string[] Environment(string workingDirectory, string containerPrefix) =>
    [
        "Storage__ContainerPrefix=" + containerPrefix,
        "DurableTask__HubName=" + TestServices.HubOf(containerPrefix),
        "DurableTask__StorageProvider__PartitionCount=1",
        "DurableTask__StorageProvider__MaxQueuePollingInterval=00:00:00.2",
        "TaskStore__Database=vftests",
        "Pipeline__WorkDirectory=" + Path.Combine(workingDirectory, ".work"),
    ];

    private static string FindHostDll()
    {
        // bin/<configuration>/<framework> under the test project maps to the same folders under the CLI's project.
        var output = Path.GetRelativePath(Path.Combine(Emulators.RepositoryRoot, "tests", "VideoPipeline.Tests"), AppContext.BaseDirectory);
        var dll = Path.Combine(Emulators.RepositoryRoot, "src", "VideoPipeline.Host", output, "VideoPipeline.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("The CLI is run from its own build output; build the solution first", dll);
    }
}
