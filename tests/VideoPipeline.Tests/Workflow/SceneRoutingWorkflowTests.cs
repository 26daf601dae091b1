using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Domain;
using Microsoft.DurableTask.Client;
using VideoPipeline.Providers;
using VideoPipeline.Providers.Offline.Rendering;
using VideoPipeline.Providers.Routing;
using VideoPipeline.Tests.TestSupport;
using VideoPipeline.Workflow;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Tests.Workflow;

/// <summary>
/// The orchestrator's routing of scenes to a remote video-job provider: submit, poll on durable timers,
/// download; a simplified prompt after a refusal; the next provider when one is down or too slow.
/// The provider is scripted in process and renders real clips with the offline renderer.
/// </summary>
public sealed class SceneRoutingWorkflowTests : IAsyncLifetime
{
    private const string Remote = "test/scripted";

    private static readonly VideoRequest ShortRequest = new() { Prompt = "A short ad for fresh bread", DurationSeconds = 4, Captions = false };

    public Task InitializeAsync() => Emulators.EnsureStartedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunAsync_remote_job_is_polled_until_done_and_supplies_every_clip()
    {
        var provider = new ScriptedProvider { Phases = [VideoJobPhase.Queued, VideoJobPhase.Running, VideoJobPhase.Succeeded] };
        using var services = Services(provider);

        var (result, output) = await Run(services, "remote-ok");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.All(output.Clips, c => Assert.Equal(Remote, c.Provider));
        Assert.All(provider.PollsPerJob.Values, polls => Assert.Equal(3, polls));
        Assert.Equal(output.Clips.Count, provider.Downloads);
    }

    [Fact]
    public async Task RunAsync_refused_scene_is_resubmitted_with_a_simplified_prompt()
    {
        var provider = new ScriptedProvider { RefuseFirstSubmitPerScene = true };
        using var services = Services(provider);

        var (result, output) = await Run(services, "remote-refused");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.All(output.Clips, c => Assert.Equal(Remote, c.Provider));
        foreach (var scene in output.Plan.Scenes)
        {
            var submitted = provider.Submitted.Where(r => r.Scene.SceneNumber == scene.SceneNumber).Select(r => r.Scene.Description).ToList();
            Assert.Equal([scene.Description, ScenePrompt.Simplify(scene).Description], submitted);
        }
    }

    [Fact]
    public async Task RunAsync_unavailable_provider_falls_back_to_the_offline_renderer()
    {
        var provider = new ScriptedProvider { Unavailable = true };
        using var services = Services(provider);

        var (result, output) = await Run(services, "remote-down");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.All(output.Clips, c => Assert.StartsWith("animatic", c.Provider, StringComparison.Ordinal));
        Assert.Contains(output.Routing, line => line.Contains(SceneRoutingPolicy.OfflineRenderer, StringComparison.Ordinal));
        Assert.Empty(provider.Submitted);
    }

    [Fact]
    public async Task RunAsync_remote_job_past_its_deadline_is_cancelled_and_the_next_provider_renders()
    {
        var provider = new ScriptedProvider { Phases = [VideoJobPhase.Running] };
        using var services = Services(provider);

        var (result, output) = await Run(services, "remote-slow", remoteTimeoutSeconds: 1.5);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.All(output.Clips, c => Assert.StartsWith("animatic", c.Provider, StringComparison.Ordinal));
        Assert.Equal(provider.Submitted.Count, provider.Cancelled.Count);
        Assert.Equal(0, provider.Downloads);
    }

    private static TestServices Services(ScriptedProvider provider) =>
        new(configure: s => s.AddSingleton<IVideoJobProvider>(p =>
        {
            provider.Renderer = ActivatorUtilities.CreateInstance<AnimaticClipGenerator>(p);
            return provider;
        }));

    private static async Task<(OrchestrationMetadata Result, GenerateVideoResult Output)> Run(TestServices services, string id, double remoteTimeoutSeconds = 60)
    {
        var settings = new OrchestrationSettings(RetryFirstIntervalSeconds: 1)
        {
            SceneProviders = [Remote, SceneRoutingPolicy.OfflineRenderer],
            RemoteClipTimeoutSeconds = remoteTimeoutSeconds,
            RemoteClipPollSeconds = 1,
        };
        var result = await services.RunOrchestrationAsync(GenerateVideoOrchestrator.Name, id, new GenerateVideoInput(id, ShortRequest) { Settings = settings });
        return (result, result.ReadOutputAs<GenerateVideoResult>()!);
    }

    /// <summary>A remote provider whose answers the test sets: phases per poll, a refusal, or an outage.</summary>
    private sealed class ScriptedProvider : IVideoJobProvider
    {
        private readonly ConcurrentDictionary<int, int> submitsPerScene = new();
        private int downloads;

        public string Name => Remote;

        public VideoJobPhase[] Phases { get; init; } = [VideoJobPhase.Succeeded];

        public bool RefuseFirstSubmitPerScene { get; init; }

        public bool Unavailable { get; init; }

        public AnimaticClipGenerator? Renderer { get; set; }

        public ConcurrentQueue<SceneClipRequest> Submitted { get; } = new();

        public ConcurrentDictionary<string, int> PollsPerJob { get; } = new();

        public ConcurrentQueue<string> Cancelled { get; } = new();

        public int Downloads => this.downloads;

        private ConcurrentDictionary<string, SceneClipRequest> Jobs { get; } = new();

        public Task<VideoJobTicket> SubmitAsync(SceneClipRequest request, CancellationToken cancellationToken)
        {
            if (this.Unavailable)
            {
                throw new TransientPipelineException("503 from every region");
            }

            this.Submitted.Enqueue(request);
            if (this.RefuseFirstSubmitPerScene && this.submitsPerScene.AddOrUpdate(request.Scene.SceneNumber, 1, (_, n) => n + 1) == 1)
            {
                throw new PermanentPipelineException(ErrorCodes.ProviderRejected, "the prompt was refused by the content filter");
            }

            var id = $"job-{request.Scene.SceneNumber}-{this.Submitted.Count}";
            this.Jobs[id] = request;
            return Task.FromResult(new VideoJobTicket(Remote, id));
        }

        public Task<VideoJobState> PollAsync(VideoJobTicket ticket, CancellationToken cancellationToken)
        {
            var poll = this.PollsPerJob.AddOrUpdate(ticket.JobId, 1, (_, n) => n + 1);
            var phase = this.Phases[Math.Min(poll, this.Phases.Length) - 1];
            return Task.FromResult(new VideoJobState(phase) { PollAfter = TimeSpan.FromMilliseconds(100) });
        }

        public async Task<GeneratedClip> DownloadAsync(VideoJobTicket ticket, string outputPath, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref this.downloads);
            var clip = await this.Renderer!.GenerateAsync(this.Jobs[ticket.JobId], outputPath, null, cancellationToken);
            return clip with { Provider = Remote };
        }

        public Task CancelAsync(VideoJobTicket ticket, CancellationToken cancellationToken)
        {
            this.Cancelled.Enqueue(ticket.JobId);
            return Task.CompletedTask;
        }
    }
}
