using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Host.Api.Assets;
using VideoPipeline.Host.Api.Uploads;

namespace VideoPipeline.Host.Api.Tasks;

public static class TaskApiServiceCollectionExtensions
{
    /// <summary>What the task, upload and asset endpoints need besides the pipeline.</summary>
    public static IServiceCollection AddTaskApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.Section));
        services.AddSingleton<AssetCatalog>();
        services.AddSingleton<TaskInputResolver>();
        return services;
    }
}
