using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VideoPipeline.DependencyInjection;
using VideoPipeline.Durable;
using VideoPipeline.Host.Cli;
using VideoPipeline.Host.Diagnostics;
using VideoPipeline.Media;
using VideoPipeline.Workflow.Tasks;

namespace VideoPipeline.Host.Hosting;

public static class HostServices
{
    /// <summary>Configuration, logging and the pipeline for the CLI verbs.</summary>
    /// <param name="overrides">Settings that win over every other source (the benchmark's private store).</param>
    public static IHost Build(IDictionary<string, string?>? overrides = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.AddVideoFunctions(overrides);
        return builder.Build();
    }

    /// <summary>
    /// What every entry point shares (CLI verbs, the HTTP API): settings from appsettings.json,
    /// local.settings.json (as the Functions host reads it), the environment and <paramref name="overrides"/>;
    /// logs on stderr; the pipeline, its Durable backend and worker, and the backend probes.
    /// </summary>
    public static IHostApplicationBuilder AddVideoFunctions(this IHostApplicationBuilder builder, IDictionary<string, string?>? overrides = null)
    {
        builder.Configuration
            .AddJsonFile("appsettings.json", optional: true)
            .AddLocalSettingsJson("local.settings.json")
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());

        // CLI output belongs to the verbs; logs go to stderr and default to warnings. The Azure SDKs log every 4xx
        // answer as a warning (a 409 "already exists" included), so theirs start at errors unless Logging says otherwise.
        builder.Logging
            .ClearProviders()
            .AddFilter("Azure", LogLevel.Error)
            .AddConfiguration(builder.Configuration.GetSection("Logging"))
            .SetMinimumLevel(LogLevel.Warning)

            // The Durable Task Framework warns about routine recoveries (abandoned or redelivered messages); errors only.
            .AddFilter("DurableTask", LogLevel.Error)
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddVideoPipeline(builder.Configuration);
        builder.Services.AddWorkflows(EngineProbes.Register);
        builder.Services.AddBlobTrigger();
        builder.Services.AddCliServices();
        return builder;
    }

    private static IServiceCollection AddCliServices(this IServiceCollection services)
    {
        services.AddSingleton<ToolVersions>();
        services.AddSingleton<LocalJobRunner>();
        services.AddSingleton<GenerateInputValidator>();
        services.AddSingleton<OutputWriter>();
        services.AddSingleton<StoragePreflight>();
        return services;
    }
}
