using Microsoft.DurableTask;
using VideoPipeline.Domain;
using VideoPipeline.Durable;
using VideoPipeline.Providers.Http;
using VideoPipeline.Providers.Routing;

namespace VideoPipeline.Tests.Providers.Routing;

/// <summary>Seed 002's fallback order as a decision table: simplified prompt, reduced resolution, next provider.</summary>
public sealed class SceneRoutingPolicyTests
{
    private const string Sora = "azure-openai/sora-2";
    private const string Hunyuan = "comfyui/hunyuan-video";
    private const string Offline = "offline/animatic";

    private static readonly Resolution Hd = Resolution.Landscape720;
    private static readonly Resolution Reduced = new(854, 480);
    private readonly SceneRoutingPolicy policy = new([Sora, Hunyuan, Offline]);

    [Fact]
    public void Next_without_failures_starts_with_the_first_provider_and_the_scene_as_planned()
    {
        var decision = this.policy.Next(3, Hd, []);

        Assert.Equal(new SceneRoute(Sora, false, Hd), decision.Next);
        Assert.Equal("scene 3: azure-openai/sora-2 at 1280x720", decision.Description);
    }

    [Theory]
    [InlineData(false, 1280, SceneFailureKind.Failed, Sora, true, 1280)]
    [InlineData(false, 1280, SceneFailureKind.Rejected, Sora, true, 1280)]
    [InlineData(false, 1280, SceneFailureKind.Unavailable, Hunyuan, false, 1280)]
    [InlineData(true, 1280, SceneFailureKind.Failed, Sora, true, 854)]
    [InlineData(true, 1280, SceneFailureKind.Rejected, Hunyuan, false, 1280)]
    [InlineData(true, 1280, SceneFailureKind.Unavailable, Hunyuan, false, 1280)]
    [InlineData(true, 854, SceneFailureKind.Failed, Hunyuan, false, 1280)]
    public void Next_after_a_sora_failure_follows_the_table(
        bool simplified, int width, SceneFailureKind kind, string expectedProvider, bool expectedSimplified, int expectedWidth)
    {
        var failed = new SceneRoute(Sora, simplified, width == 1280 ? Hd : Reduced);

        var decision = this.policy.Next(1, Hd, [new SceneAttemptFailure(failed, kind, "boom")]);

        Assert.Equal(new SceneRoute(expectedProvider, expectedSimplified, expectedWidth == 1280 ? Hd : Reduced), decision.Next);
    }

    [Fact]
    public void Next_after_every_step_fails_walks_sora_then_hunyuan_then_offline_then_stops()
    {
        var failures = new List<SceneAttemptFailure>();
        var routes = new List<SceneRoute>();
        for (var decision = this.policy.Next(2, Hd, failures); !decision.IsExhausted; decision = this.policy.Next(2, Hd, failures))
        {
            routes.Add(decision.Next!);
            failures.Add(new SceneAttemptFailure(decision.Next!, SceneFailureKind.Failed, "execution error"));
        }

        Assert.Equal(
            [
                new SceneRoute(Sora, false, Hd), new SceneRoute(Sora, true, Hd), new SceneRoute(Sora, true, Reduced),
                new SceneRoute(Hunyuan, false, Hd), new SceneRoute(Hunyuan, true, Hd), new SceneRoute(Hunyuan, true, Reduced),
                new SceneRoute(Offline, false, Hd),
            ],
            routes);
    }

    [Fact]
    public void Next_after_the_offline_renderer_fails_is_exhausted_with_a_reason()
    {
        var decision = this.policy.Next(4, Hd, [new SceneAttemptFailure(new SceneRoute(Offline, false, Hd), SceneFailureKind.Failed, "ffmpeg exited 1")]);

        Assert.True(decision.IsExhausted);
        Assert.Equal("scene 4: offline/animatic failed (ffmpeg exited 1); no provider left after 1 attempt(s)", decision.Description);
    }

    [Fact]
    public void Next_description_names_the_failure_and_the_choice_on_one_line()
    {
        var failed = new SceneRoute(Hunyuan, true, Hd);

        var decision = this.policy.Next(5, Hd, [new SceneAttemptFailure(failed, SceneFailureKind.Failed, "node 13 failed:\ntorch.OutOfMemoryError")]);

        Assert.Equal(
            "scene 5: comfyui/hunyuan-video failed (node 13 failed: torch.OutOfMemoryError); retrying comfyui/hunyuan-video with a simplified prompt at 854x480",
            decision.Description);
    }

    [Fact]
    public void Next_with_no_configured_order_uses_the_offline_renderer()
    {
        var decision = new SceneRoutingPolicy(new SceneRoutingOptions()).Next(1, Resolution.Portrait720, []);

        Assert.Equal(new SceneRoute(SceneRoutingPolicy.OfflineRenderer, false, Resolution.Portrait720), decision.Next);
    }

    [Fact]
    public void Next_reduced_portrait_keeps_even_sides()
    {
        var failed = new SceneRoute(Sora, true, Resolution.Portrait720);

        var decision = this.policy.Next(1, Resolution.Portrait720, [new SceneAttemptFailure(failed, SceneFailureKind.Failed, "x")]);

        Assert.Equal(new Resolution(480, 854), decision.Next!.Resolution);
    }

    public static TheoryData<Exception, SceneFailureKind> Errors => new()
    {
        { new PermanentPipelineException(ErrorCodes.ContentRejected, "flagged"), SceneFailureKind.Rejected },
        { new PermanentPipelineException(ProviderErrorCodes.Refused, "node_errors"), SceneFailureKind.Rejected },
        { new PermanentPipelineException(ErrorCodes.ProviderRejected, "400 invalid size"), SceneFailureKind.Rejected },
        { new HttpRequestException("connection refused"), SceneFailureKind.Unavailable },
        { new PermanentPipelineException(ProviderErrorCodes.Misconfigured, "missing nodes"), SceneFailureKind.Unavailable },
        { new TransientPipelineException("503 on every server"), SceneFailureKind.Unavailable },
        { new PermanentPipelineException(ProviderErrorCodes.JobFailed, "OOM"), SceneFailureKind.Failed },
        { new PermanentPipelineException(ProviderErrorCodes.BadResponse, "malformed"), SceneFailureKind.Failed },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Classify_activity_failure_maps_its_error_code_to_a_failure_kind(Exception error, SceneFailureKind expected) =>
        Assert.Equal(expected, SceneRoutingPolicy.Classify(FailureOf(error)));

    // As the runtime hands it to the orchestrator: type, message and the exception's data as properties.
    private static TaskFailureDetails FailureOf(Exception error) =>
        new(error.GetType().FullName!, error.Message, null, null, ExceptionDataProperties.Instance.GetExceptionProperties(error));
}
