using VideoPipeline.Host.Api.Assets;
using VideoPipeline.Host.Api.Tasks;
using VideoPipeline.Host.Api.Uploads;

namespace VideoPipeline.Host.Api;

public static class ApiEndpoints
{
    /// <summary>Every route under <c>/api</c>; all but health require an API key.</summary>
    public static WebApplication MapVideoFunctionsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapHealthEndpoints();
        api.MapTaskEndpoints();
        api.MapUploadEndpoints();
        api.MapAssetEndpoints();
        return app;
    }
}
