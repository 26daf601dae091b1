using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using VideoPipeline.Host.Hosting;

namespace VideoPipeline.Host.Api;

/// <summary>The HTTP API and the durable worker in one process (<c>serve</c>).</summary>
public static class ApiHost
{
    public static WebApplication Build(IDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.AddVideoFunctions(overrides);
        builder.Services.AddVideoFunctionsApi(builder.Configuration);
        var options = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        builder.WebHost.UseUrls(options.Urls);
        var app = builder.Build();
        app.MapVideoFunctionsApi();
        return app;
    }
}
