using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoPipeline.Durable;
using VideoPipeline.Media.Fetching;
using VideoPipeline.Workflow.Tasks.Activities;
using VideoPipeline.Workflow.Tasks.Trigger;

namespace VideoPipeline.Workflow.Tasks;

public static class ProcessingTasksServiceCollectionExtensions
{
    /// <summary>Seed 003's caption, merge and background-music tasks as durable orchestrations, and the SSRF-safe downloader they fetch with.</summary>
    public static IServiceCollection AddProcessingTasks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSafeDownloader(configuration);
        services.TryAddSingleton<ProcessingTasks>();
        services.AddWorkflows(registry => registry
            .AddOrchestrator<CaptionTaskOrchestrator>()
            .AddOrchestrator<MergeTaskOrchestrator>()
            .AddOrchestrator<BackgroundMusicTaskOrchestrator>()
            .AddActivity<ImportMediaActivity>()
            .AddActivity<BurnCaptionsActivity>()
            .AddActivity<MergeScenesActivity>()
            .AddActivity<MixMusicActivity>()
            .AddActivity<PoisonBlobActivity>());
        services.AddOptions<BlobTriggerOptions>().Bind(configuration.GetSection(BlobTriggerOptions.Section));
        services.TryAddSingleton<BlobReceipts>();
        services.TryAddSingleton<BlobPoisoner>();
        services.TryAddSingleton<BlobTriggerScanner>();
        return services;
    }

    /// <summary>The blob trigger's polling service, for hosts that run workers (<c>BlobTrigger:Enabled</c> turns it off).</summary>
    public static IServiceCollection AddBlobTrigger(this IServiceCollection services)
    {
        services.AddHostedService<BlobTriggerService>();
        return services;
    }
}
