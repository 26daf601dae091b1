using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Host.Hosting;

namespace VideoPipeline.Host.Api;

/// <summary>The HTTP API and the durable worker in one process (<c>serve</c>).</summary>
public static class ApiHost
{
    /// <param name="overrides">Settings that win over every other source.</param>
    /// <param name="configureServices">Runs before the host's own registrations, which add only what is missing (tests: a loopback <c>DestinationPolicy</c>).</param>
    public static WebApplication Build(IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        configureServices?.Invoke(builder.Services);
        builder.AddVideoFunctions(overrides);
        builder.Services.AddVideoFunctionsApi(builder.Configuration);
        var options = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        builder.WebHost.UseUrls(options.Urls);
        var app = builder.Build();
        app.MapVideoFunctionsApi();
        return app;
    }
}
