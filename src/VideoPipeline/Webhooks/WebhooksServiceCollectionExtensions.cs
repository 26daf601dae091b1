using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VideoPipeline.Durable;
using VideoPipeline.Jobs;
using VideoPipeline.Media.Fetching;
using VideoPipeline.Webhooks.Delivery;
using VideoPipeline.Webhooks.EventLog;
using VideoPipeline.Webhooks.Secrets;

namespace VideoPipeline.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Webhooks for job events: per-owner secrets, the per-job event log, the job event sink that logs every
    /// event and starts its delivery, and the DeliverWebhook orchestration with its SendWebhook activity
    /// (<see cref="AddWebhookSender"/> included). Needs the task store (its Cosmos DB client and database) and
    /// the durable engine.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWebhookSender(configuration);
        services.AddOptions<WebhookSecretOptions>()
            .Bind(configuration.GetSection(WebhookSecretOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Container), "Webhooks:Secrets:Container must be set")
            .Validate(o => o.RotationGracePeriod >= TimeSpan.Zero && o.RotationGracePeriod <= TimeSpan.FromDays(30), "Webhooks:Secrets:RotationGracePeriod must be 0 to 30 days")
            .ValidateOnStart();
        services.AddOptions<WebhookEventLogOptions>()
            .Bind(configuration.GetSection(WebhookEventLogOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Container), "Webhooks:EventLog:Container must be set")
            .Validate(o => o.Retention >= TimeSpan.FromDays(1) && o.Retention.TotalSeconds <= int.MaxValue, "Webhooks:EventLog:Retention must be at least a day")
            .ValidateOnStart();
        services.AddOptions<WebhookDeliveryOptions>()
            .Bind(configuration.GetSection(WebhookDeliveryOptions.Section))
            .Validate(o => o.RetryDelays.TrueForAll(d => d >= TimeSpan.Zero), "Webhooks:Delivery:RetryDelays must not be negative")
            .Validate(o => o.RetryWindow > TimeSpan.Zero && o.RetryWindow <= TimeSpan.FromDays(7), "Webhooks:Delivery:RetryWindow must be positive and at most 7 days")
            .Validate(o => o.IdlePoll > TimeSpan.Zero && o.GapWait >= TimeSpan.Zero, "Webhooks:Delivery:IdlePoll must be positive and GapWait not negative")
            .ValidateOnStart();

        services.TryAddSingleton<WebhookSecretStore>();
        services.TryAddSingleton<JobEventLog>();
        services.TryAddSingleton<WebhookDeliveries>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJobEventSink, WebhookJobEventSink>());
        services.AddWorkflows(registry => registry
            .AddOrchestrator<DeliverJobWebhooksOrchestrator>()
            .AddOrchestrator<DeliverWebhookOrchestrator>()
            .AddActivity<FindNextWebhookEventActivity>()
            .AddActivity<SendWebhookActivity>());
        return services;
    }

    /// <summary>
    /// <see cref="WebhookSender"/> configured from the <c>Webhooks</c> section, behind the same
    /// <see cref="DestinationPolicy"/> as downloads (<see cref="DestinationPolicy.PublicInternetOnly"/> unless a test registered another).
    /// </summary>
    public static IServiceCollection AddWebhookSender(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookSenderOptions>()
            .Bind(configuration.GetSection(WebhookSenderOptions.Section))
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(2), "Webhooks:Timeout must be positive and at most 2 minutes")
            .Validate(o => o.DevelopmentLoopbackPorts.TrueForAll(p => p is > 0 and <= 65535), "Webhooks:DevelopmentLoopbackPorts must be ports (1-65535)")
            .Validate<IServiceProvider>(
                (o, provider) => o.DevelopmentLoopbackPorts.Count == 0 || provider.GetService<IHostEnvironment>()?.IsDevelopment() == true,
                "Webhooks:DevelopmentLoopbackPorts is honoured only in the Development environment (DOTNET_ENVIRONMENT=Development); remove it here")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(DestinationPolicy.PublicInternetOnly);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<WebhookSenderOptions>>();
            var policy = provider.GetRequiredService<DestinationPolicy>();

            // Validated above: listed ports exist only in Development. Downloads keep the plain policy.
            var ports = options.Value.DevelopmentLoopbackPorts;
            return new WebhookSender(options, ports.Count == 0 ? policy : policy.AlsoAllowingLoopbackPorts(ports), provider.GetRequiredService<TimeProvider>());
        });
        return services;
    }
}
