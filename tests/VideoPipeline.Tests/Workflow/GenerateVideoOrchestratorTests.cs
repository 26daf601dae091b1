using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Domain;
using VideoPipeline.Providers;
using VideoPipeline.Providers.Offline.Rendering;
using VideoPipeline.Tests.TestSupport;
using VideoPipeline.Workflow;
using VideoPipeline.Workflow.Activities;
using VideoPipeline.Workflow.Contracts;
using Microsoft.DurableTask.Client;

namespace VideoPipeline.Tests.Workflow;

public sealed class GenerateVideoOrchestratorTests : IAsyncLifetime
{
    private static readonly VideoRequest ShortRequest = new() { Prompt = "A short ad for fresh bread", DurationSeconds = 4, Captions = false };

    public Task InitializeAsync() => Emulators.EnsureStartedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunAsync_permanent_renderer_failure_fails_the_job_naming_the_stage()
    {
        using var services = new TestServices(configure: s => s.AddSingleton<ISceneClipGenerator>(new FailingGenerator(permanentFailures: 1)));

        var result = await Run(services, "fail-permanent");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        var error = result.ReadCustomStatusAs<PipelineStatus>()!.Error!;
        Assert.Equal(new PipelineError(ErrorCodes.UnsupportedMedia, "the provider returned garbage", Retryable: false, PipelineStage.VideoGeneration), error);
    }

    [Fact]
    public async Task RunAsync_transient_renderer_failure_is_retried_and_the_job_completes()
    {
        var generator = new FailingGenerator(transientFailures: 1);
        using var services = new TestServices(configure: s => s.AddSingleton<ISceneClipGenerator>(p =>
            generator.Wrapping(ActivatorUtilities.CreateInstance<AnimaticClipGenerator>(p))));

        var result = await Run(services, "retry-transient");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(2, generator.Calls);
        Assert.Equal(100, result.ReadCustomStatusAs<PipelineStatus>()!.Progress);
    }

    [Fact]
    public async Task GenerateSceneClip_same_scene_twice_is_served_from_the_store()
    {
        using var services = new TestServices();
        var scene = new Scene { SceneNumber = 1, Description = "Wide shot of a bakery", DurationSeconds = 1 };
        var input = new GenerateSceneClipInput(scene, 1, Resolution.Landscape720, 30, 30, "professional");

        var first = await services.RunActivityAsync<GenerateSceneClipActivity, GenerateSceneClipInput, SceneClipResult>(input);
        var second = await services.RunActivityAsync<GenerateSceneClipActivity, GenerateSceneClipInput, SceneClipResult>(input);

        Assert.False(first.CacheHit);
        Assert.True(second.CacheHit);
        Assert.Equal(first.Clip, second.Clip);
    }

    private static Task<OrchestrationMetadata> Run(TestServices services, string id) =>
        services.RunOrchestrationAsync(GenerateVideoOrchestrator.Name,
            id,
            new GenerateVideoInput(id, ShortRequest) { Settings = new OrchestrationSettings(RetryFirstIntervalSeconds: 1) });

    /// <summary>Fails the first calls (permanently or transiently), then renders with the wrapped generator.</summary>
    private sealed class FailingGenerator(int permanentFailures = 0, int transientFailures = 0) : ISceneClipGenerator
    {
        private ISceneClipGenerator? inner;
        private int calls;

        public string Name => "failing";

        public int Calls => this.calls;

        public FailingGenerator Wrapping(ISceneClipGenerator generator)
        {
            this.inner = generator;
            return this;
        }

        public Task<GeneratedClip> GenerateAsync(SceneClipRequest request, string outputPath, IProgress<double>? progress, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref this.calls);
            if (call <= permanentFailures)
            {
                throw new PermanentPipelineException(ErrorCodes.UnsupportedMedia, "the provider returned garbage");
            }

            return call <= permanentFailures + transientFailures
                ? throw new TransientPipelineException("the GPU is busy")
                : this.inner!.GenerateAsync(request, outputPath, progress, cancellationToken);
        }
    }
}
