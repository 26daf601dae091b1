using Microsoft.Extensions.Options;
using VideoPipeline.Durable;
using VideoPipeline.Durable.Activities;
using VideoPipeline.Durable.Hosting;
using VideoPipeline.Storage.Health;

namespace VideoPipeline.Host.Api;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>GET /api/health</c>: each store and ffmpeg, the work queues' depth and this process's worker; 503 when
    /// a check is down. No key needed.
    /// </summary>
    public static RouteGroupBuilder MapHealthEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/health", async Task<IResult> (
            IEnumerable<IStorageHealthProbe> probes, TaskHubMaintenance hub, RunningActivities running, IOptions<DurableTaskOptions> durable, CancellationToken cancellationToken) =>
        {
            var checks = await Task.WhenAll(probes.Select(p => p.CheckAsync(cancellationToken)));
            var healthy = checks.All(c => c.Healthy);
            IReadOnlyDictionary<string, long>? depth = null;
            if (checks.Where(c => c.Name is "queue").All(c => c.Healthy))
            {
                depth = await hub.GetQueueDepthAsync(cancellationToken);
            }

            var options = durable.Value;
            var body = new HealthReport(
                healthy ? "healthy" : "unhealthy",
                checks.ToDictionary(c => c.Name, c => new HealthCheck(c.Healthy ? "up" : "down", Math.Round(c.Duration.TotalMilliseconds, 1), c.Healthy ? null : c.Reason)),
                depth,
                new WorkerReport(options.WorkerEnabled, options.HubName, options.MaxConcurrentActivityFunctions, running.InstanceIds.Count));
            return healthy ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        })
        .AllowAnonymous()
        .WithName("Health");
        return api;
    }
}

public sealed record HealthReport(string Status, IReadOnlyDictionary<string, HealthCheck> Checks, IReadOnlyDictionary<string, long>? QueueDepth, WorkerReport Workers);

public sealed record HealthCheck(string Status, double Milliseconds, string? Reason);

/// <summary>This process's durable worker: whether it runs, its task hub, its activity slots and the jobs it is working on now.</summary>
public sealed record WorkerReport(bool Enabled, string TaskHub, int MaxConcurrentActivities, int InstancesWorking);
