using System.Runtime.InteropServices;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Host.Hosting;

namespace VideoPipeline.Host.Cli;

/// <summary>Verbs: generate, serve, worker, bench, webhooks. Parse errors are one line on stderr with exit code 2.</summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("VideoFunctions: prompt to finished video, on this machine")
        {
            GenerateCommand.Create(() => services.Value),
            ServeCommand.Create(),
            WorkerCommand.Create(() => services.Value),
            BenchCommand.Create(),
            WebhooksCommand.Create(),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"error: {parsed.Errors[0].Message}");
            return ExitCodes.Usage;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        // A container stop or kill(1) stops as gracefully as Ctrl+C: unfinished work goes back to the queues.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        });

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("error: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            // One line for people; the stack trace only when asked for (Logging__LogLevel__Default=Debug).
            await Console.Error.WriteLineAsync($"error: {e.Message.Split('\n', 2)[0].TrimEnd()}");
            if (Environment.GetEnvironmentVariable("Logging__LogLevel__Default") is "Debug" or "Trace")
            {
                await Console.Error.WriteLineAsync(e.ToString());
            }

            return ExitCodes.Failed;
        }
        finally
        {
            if (services.IsValueCreated)
            {
                services.Value.Dispose();
            }
        }
    }

    // Built on first use, so `--help` and parse errors never start the pipeline's services.
    private static readonly Lazy<Microsoft.Extensions.Hosting.IHost> services = new(() => HostServices.Build());
}
