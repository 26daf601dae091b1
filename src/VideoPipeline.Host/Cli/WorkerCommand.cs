using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VideoPipeline.Durable;

namespace VideoPipeline.Host.Cli;

/// <summary>
/// <c>worker</c>: runs a Durable worker (orchestrator turns and activities of every job
/// in the task hub) until Ctrl+C or SIGTERM, then hands unfinished work back to the queues.
/// </summary>
public static class WorkerCommand
{
    public static Command Create(Func<IHost> host)
    {
        var command = new Command("worker", "Run jobs from the task hub's queues until stopped (Ctrl+C or SIGTERM)");
        command.SetAction(async (_, cancellationToken) =>
        {
            var app = host();
            if (await app.Services.GetRequiredService<StoragePreflight>().CheckAsync(cancellationToken) is { } down)
            {
                await Console.Error.WriteLineAsync($"error: {down}");
                return ExitCodes.Failed;
            }

            var options = app.Services.GetRequiredService<IOptions<DurableTaskOptions>>().Value;
            await app.StartAsync(cancellationToken);
            await Console.Out.WriteLineAsync(
                $"worker: task hub '{options.HubName}', {options.MaxConcurrentActivityFunctions} activity slots; Ctrl+C stops");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping is this verb's normal end.
            }

            await app.StopAsync(CancellationToken.None);
            await Console.Out.WriteLineAsync("worker: stopped");
            return ExitCodes.Success;
        });
        return command;
    }
}
