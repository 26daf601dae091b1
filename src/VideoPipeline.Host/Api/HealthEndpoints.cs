using VideoPipeline.Durable.Engine;
using VideoPipeline.Storage.Health;

namespace VideoPipeline.Host.Api;

public static class HealthEndpoints
{
    /// <summary><c>GET /api/health</c>: each store, the work queues' depth; 503 when a store is down. No key needed.</summary>
    public static RouteGroupBuilder MapHealthEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/health", async Task<IResult> (IEnumerable<IStorageHealthProbe> probes, IWorkQueues queues, CancellationToken cancellationToken) =>
        {
            var checks = await Task.WhenAll(probes.Select(p => p.CheckAsync(cancellationToken)));
            var healthy = checks.All(c => c.Healthy);
            IReadOnlyDictionary<string, long>? depth = null;
            if (healthy)
            {
                depth = await queues.GetDepthAsync(cancellationToken);
            }

            var body = new HealthReport(
                healthy ? "healthy" : "unhealthy",
                checks.ToDictionary(c => c.Name, c => new HealthCheck(c.Healthy ? "up" : "down", Math.Round(c.Duration.TotalMilliseconds, 1), c.Healthy ? null : c.Reason)),
                depth);
            return healthy ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        })
        .AllowAnonymous()
        .WithName("Health");
        return api;
    }
}

public sealed record HealthReport(string Status, IReadOnlyDictionary<string, HealthCheck> Checks, IReadOnlyDictionary<string, long>? QueueDepth);

public sealed record HealthCheck(string Status, double Milliseconds, string? Reason);
