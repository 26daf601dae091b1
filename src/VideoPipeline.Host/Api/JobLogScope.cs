using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VideoPipeline.Host.Api;

/// <summary>Puts the job (or instance) id a request is about into the log scope, so its API lines join its worker lines.</summary>
public static class JobLogScope
{
    private static readonly string[] RouteKeys = ["job_id", "instanceId"];

    public static WebApplication UseJobLogScope(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("VideoPipeline.Host.Api");
        app.Use(async (context, next) =>
        {
            var id = RouteKeys.Select(k => context.GetRouteValue(k) as string).FirstOrDefault(v => v is not null);
            if (id is null)
            {
                await next(context);
                return;
            }

            // InstanceId is the key the durable worker's activity scope uses: one filter finds both.
            using (logger.BeginScope(new Dictionary<string, object> { ["JobId"] = id, ["InstanceId"] = id }))
            {
                await next(context);
            }
        });
        return app;
    }
}
