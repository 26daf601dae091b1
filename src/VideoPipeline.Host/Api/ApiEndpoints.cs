using VideoPipeline.Host.Api.Durable;
using VideoPipeline.Host.Api.Video;
using VideoPipeline.Host.Api.Webhooks;
using VideoPipeline.Host.Api.Assets;
using VideoPipeline.Host.Api.Tasks;
using VideoPipeline.Host.Api.Uploads;

namespace VideoPipeline.Host.Api;

public static class ApiEndpoints
{
    /// <summary>Every route under <c>/api</c> and the Durable HTTP API; all but health and the OpenAPI document require an API key.</summary>
    public static WebApplication MapVideoFunctionsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseJobLogScope();

        app.MapOpenApi("/api/openapi.json").AllowAnonymous();
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapHealthEndpoints();
        api.MapVideoEndpoints();
        app.MapDurableHttpApi();
        api.MapWebhookEndpoints();
        api.MapTaskEndpoints();
        api.MapUploadEndpoints();
        api.MapAssetEndpoints();
        return app;
    }
}
