using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VideoPipeline.Tests.TestSupport;

namespace VideoFunctions.Whisper.Tests.TestSupport;

/// <summary>The Whisper server run from its own build output as a separate process, as the container runs it.</summary>
public sealed class WhisperServerProcess : IAsyncDisposable
{
    private readonly Process process;

    private WhisperServerProcess(Process process, Uri baseUrl)
    {
        this.process = process;
        this.BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Starts the server and waits until <c>/health</c> answers.</summary>
    public static async Task<WhisperServerProcess> StartAsync(params string[] settings)
    {
        var port = FreePort();
        var process = Start([$"Kestrel__Endpoints__Http__Url=http://127.0.0.1:{port}", .. settings]);
        var server = new WhisperServerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var health = await http.GetAsync(new Uri(server.BaseUrl, "health"));
                if (health.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"the Whisper server did not become healthy: {await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>Runs the server until it exits by itself (a start-up failure), with its exit code and output.</summary>
    public static async Task<(int ExitCode, string[] Stderr, string Stdout)> RunToExitAsync(params string[] settings)
    {
        using var process = Start([$"Kestrel__Endpoints__Http__Url=http://127.0.0.1:{FreePort()}", .. settings]);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("the Whisper server kept running; a start-up failure was expected");
        }

        return (process.ExitCode, (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries), await stdout);
    }

    public async ValueTask DisposeAsync()
    {
        if (!this.process.HasExited)
        {
            this.process.Kill(entireProcessTree: true);
            await this.process.WaitForExitAsync();
        }

        this.process.Dispose();
    }

    private static Process Start(string[] settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ServerDll.Value)!,
        };
        start.ArgumentList.Add(ServerDll.Value);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            start.Environment[setting[..equals]] = setting[(equals + 1)..];
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static readonly Lazy<string> ServerDll = new(() =>
    {
        // bin/<configuration>/<framework> under this project maps to the same folders under the service's project.
        var output = Path.GetRelativePath(Path.Combine(Emulators.RepositoryRoot, "tests", "VideoFunctions.Whisper.Tests"), AppContext.BaseDirectory);
        var dll = Path.Combine(Emulators.RepositoryRoot, "src", "VideoFunctions.Whisper", output, "VideoFunctions.Whisper.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("The server runs from its own build output; build the solution first", dll);
    });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
