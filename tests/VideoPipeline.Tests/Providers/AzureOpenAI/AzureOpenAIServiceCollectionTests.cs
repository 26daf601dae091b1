using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPipeline.DependencyInjection;
using VideoPipeline.Host.Hosting;
using VideoPipeline.Providers;
using VideoPipeline.Providers.AzureOpenAI.Moderation;
using VideoPipeline.Providers.AzureOpenAI.Planning;
using VideoPipeline.Providers.AzureOpenAI.Speech;
using VideoPipeline.Providers.AzureOpenAI.Transcription;
using VideoPipeline.Providers.AzureOpenAI.Video;
using VideoPipeline.Providers.Offline.Moderation;
using VideoPipeline.Providers.Offline.Planning;
using VideoPipeline.Providers.Offline.Speech;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

public sealed class AzureOpenAIServiceCollectionTests
{
    private const string Endpoint = "https://example-eastus.openai.azure.com";

    [Fact]
    public void AddAzureOpenAIProviders_default_configuration_keeps_the_offline_providers()
    {
        using var provider = Build([]);

        Assert.IsType<RuleBasedScenePlanner>(provider.GetRequiredService<IScenePlanner>());
        Assert.IsType<BlocklistContentModerator>(provider.GetRequiredService<IContentModerator>());
        Assert.IsType<FestivalSpeechSynthesizer>(provider.GetRequiredService<ISpeechSynthesizer>());
        Assert.IsType<PocketSphinxSpeechToText>(provider.GetRequiredService<ISpeechToText>());
        Assert.DoesNotContain(provider.GetServices<IVideoJobProvider>(), p => p.Name.StartsWith("azure-openai/", StringComparison.Ordinal));
    }

    [Fact]
    public void AddAzureOpenAIProviders_azure_selection_replaces_each_port()
    {
        using var provider = Build(new()
        {
            ["Providers:Planner"] = "azure-openai",
            ["Providers:Moderation"] = "azure-openai",
            ["Providers:Speech"] = "Azure-OpenAI",
            ["Providers:Transcription"] = "azure-openai",
            ["AzureOpenAI:Planner:Deployments:0:Endpoint"] = Endpoint,
            ["AzureOpenAI:Planner:Deployments:0:Deployment"] = "gpt-4o-mini",
            ["AzureOpenAI:Moderation:Deployments:0:Endpoint"] = Endpoint,
            ["AzureOpenAI:Moderation:Deployments:0:Deployment"] = "omni-moderation-latest",
            ["AzureOpenAI:Speech:Deployments:0:Endpoint"] = Endpoint,
            ["AzureOpenAI:Speech:Deployments:0:Deployment"] = "gpt-4o-mini-tts",
            ["AzureOpenAI:Transcription:Deployments:0:Endpoint"] = Endpoint,
            ["AzureOpenAI:Transcription:Deployments:0:Deployment"] = "whisper",
        });

        Assert.Equal("azure-openai/gpt-4o-mini", Assert.IsType<AzureOpenAIScenePlanner>(provider.GetRequiredService<IScenePlanner>()).Name);
        Assert.IsType<AzureOpenAIContentModerator>(provider.GetRequiredService<IContentModerator>());
        Assert.IsType<AzureOpenAISpeechSynthesizer>(provider.GetRequiredService<ISpeechSynthesizer>());
        Assert.IsType<AzureOpenAISpeechToText>(provider.GetRequiredService<ISpeechToText>());
    }

    [Fact]
    public void AddAzureOpenAIProviders_sora_sections_with_a_deployment_register_both_video_job_providers()
    {
        using var provider = Build(new()
        {
            ["AzureOpenAI:Sora1:Deployments:0:Endpoint"] = Endpoint,
            ["AzureOpenAI:Sora1:Deployments:0:Deployment"] = "sora",
            ["AzureOpenAI:Sora2:Deployments:0:Endpoint"] = Endpoint,
            ["AzureOpenAI:Sora2:Deployments:0:Deployment"] = "sora-2",
        });

        Assert.Equal(
            [Sora1VideoJobProvider.ProviderName, Sora2VideoJobProvider.ProviderName],
            provider.GetServices<IVideoJobProvider>().Select(p => p.Name).Where(n => n.StartsWith("azure-openai/", StringComparison.Ordinal)));
    }

    [Fact]
    public void AddAzureOpenAIProviders_selected_capability_without_a_deployment_fails_naming_the_setting()
    {
        using var provider = Build(new() { ["Providers:Planner"] = "azure-openai" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IScenePlanner>().Name);

        Assert.Contains("AzureOpenAI:Planner:Deployments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAzureOpenAIProviders_unknown_selection_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Providers:Speech"] = "openai-direct" }));

        Assert.Contains("Providers:Speech is 'openai-direct'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAzureOpenAIProviders_sample_settings_keep_everything_offline()
    {
        var configuration = new ConfigurationBuilder()
            .AddLocalSettingsJson(Path.Combine(Emulators.RepositoryRoot, "local.settings.sample.json"))
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddVideoPipeline(configuration).AddAzureOpenAIProviders(configuration).BuildServiceProvider();

        Assert.IsType<RuleBasedScenePlanner>(provider.GetRequiredService<IScenePlanner>());
        Assert.DoesNotContain(provider.GetServices<IVideoJobProvider>(), p => p.Name.StartsWith("azure-openai/", StringComparison.Ordinal));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddVideoPipeline(configuration).AddAzureOpenAIProviders(configuration).BuildServiceProvider();
    }
}
