using VideoPipeline.Domain;
using Microsoft.DurableTask.Client;
using VideoPipeline.Tests.Providers.AzureOpenAI;
using VideoPipeline.Tests.TestSupport;
using VideoPipeline.Workflow;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Tests.Workflow;

/// <summary>The optional post-check of generated scenes: sampled frames to the image moderator.</summary>
public sealed class FrameModerationWorkflowTests : IAsyncLifetime
{
    private static readonly VideoRequest ShortRequest = new() { Prompt = "A short ad for fresh bread", DurationSeconds = 4, Captions = false };

    public Task InitializeAsync() => Emulators.EnsureStartedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunAsync_flagged_frames_fail_the_job_as_content_rejected_naming_the_scenes()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.FlagImages = true;
        using var services = new TestServices(new Dictionary<string, string?>
        {
            ["Providers:Moderation"] = "azure-openai",
            ["AzureOpenAI:Moderation:Deployments:0:Endpoint"] = server.Endpoint,
            ["AzureOpenAI:Moderation:Deployments:0:ApiKey"] = AzureOpenAIKit.FakeKey,
            ["AzureOpenAI:Moderation:Deployments:0:Deployment"] = "omni-moderation-latest",
        });

        var result = await Run(services, "frames-flagged");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        var error = result.ReadCustomStatusAs<PipelineStatus>()!.Error!;
        Assert.Equal((ErrorCodes.ContentRejected, PipelineStage.VideoGeneration, false), (error.Code, error.FailedStage, error.Retryable));
        Assert.Contains("scene 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("violence", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_without_an_image_moderator_skips_the_check_with_a_warning()
    {
        using var services = new TestServices();

        var result = await Run(services, "frames-offline");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Contains(result.ReadOutputAs<GenerateVideoResult>()!.Warnings, w => w.StartsWith("frame post-check skipped", StringComparison.Ordinal));
    }

    private static Task<OrchestrationMetadata> Run(TestServices services, string id) =>
        services.RunOrchestrationAsync(GenerateVideoOrchestrator.Name,
            id,
            new GenerateVideoInput(id, ShortRequest) { Settings = new OrchestrationSettings(RetryFirstIntervalSeconds: 1) { FrameCheckFramesPerScene = 1 } });
}
