using Microsoft.Extensions.Hosting;

namespace VideoPipeline.Durable.Engine;

/// <summary>Runs the orchestration and activity dispatchers for the life of the host.</summary>
public sealed class DurableWorker(DurableEngine engine) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!engine.Options.WorkerEnabled)
        {
            return;
        }

        using var orchestrations = new OrchestrationDispatcher(engine);
        using var activities = new ActivityDispatcher(engine);
        await Task.WhenAll(
            Task.Run(() => orchestrations.RunAsync(stoppingToken), CancellationToken.None),
            Task.Run(() => activities.RunAsync(stoppingToken), CancellationToken.None));
    }
}
