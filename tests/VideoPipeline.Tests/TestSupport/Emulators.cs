using System.Diagnostics;
using System.Net.Sockets;

namespace VideoPipeline.Tests.TestSupport;

/// <summary>
/// Azurite and the Cosmos DB server for every test that needs them: the ones already running
/// (./test.sh starts them), or started once here through scripts/emulators.sh and stopped when the
/// test process exits. Tests isolate themselves with unique container prefixes and databases.
/// </summary>
public static class Emulators
{
    private static readonly int[] Ports = [10000, 10001, 8081];
    private static readonly Lazy<Task> Started = new(StartAsync);

    public static string RepositoryRoot { get; } = FindRoot();

    public static Task EnsureStartedAsync() => Started.Value;

    internal static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task StartAsync()
    {
        if (Ports.All(IsListening))
        {
            return;
        }

        var (exitCode, output, errors) = await RunScriptAsync(["start"]);
        var started = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).ToList();
        if (started.Count > 0)
        {
            // Stop exactly what was started here, through the script that keeps the PID records.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => RunScriptAsync(["stop", .. started]).GetAwaiter().GetResult();
        }

        if (exitCode != 0 || !Ports.All(IsListening))
        {
            throw new InvalidOperationException(
                $"These tests need Azurite (ports 10000/10001) and the Cosmos DB server (8081); scripts/emulators.sh start failed: {errors}");
        }
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunScriptAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot, "scripts", "emulators.sh"), .. arguments])
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VideoFunctions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (VideoFunctions.sln) above " + AppContext.BaseDirectory);
    }

    /// <summary>A container prefix no other test (or run) uses.</summary>
    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..12] + "-";
}
