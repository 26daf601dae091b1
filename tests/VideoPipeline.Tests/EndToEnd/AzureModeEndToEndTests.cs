using VideoPipeline.Domain;
using Microsoft.DurableTask.Client;
using VideoPipeline.Media.Probing;
using VideoPipeline.Providers.Routing;
using VideoPipeline.Storage;
using VideoPipeline.Tests.Providers.AzureOpenAI;
using VideoPipeline.Tests.TestSupport;
using VideoPipeline.Workflow.Manifest;

namespace VideoPipeline.Tests.EndToEnd;

/// <summary>An Azure-mode job (every provider behind a loopback wire-contract server) and what it must produce.</summary>
public sealed class AzureModeEndToEndTests(AzureModeJobFixture job) : IClassFixture<AzureModeJobFixture>
{
    [Fact]
    public async Task Generate_azure_mode_produces_a_playable_video_of_the_requested_length()
    {
        Assert.Equal(OrchestrationRuntimeStatus.Completed, job.Result.RuntimeStatus);
        var output = job.Output;
        using var temp = new TempDirectory();
        var path = temp.File("final.mp4");
        await using (var read = await job.Services.Get<IAssetStore>().OpenReadAsync(output.Final.Video, CancellationToken.None))
        await using (var file = File.Create(path))
        {
            await read.CopyToAsync(file);
        }

        var facts = await job.Services.Get<IMediaProbe>().ProbeAsync(path, CancellationToken.None);
        Assert.Equal(8, facts.DurationSeconds!.Value, 1);
        Assert.True(facts.HasAudio);
        Assert.NotNull(output.Captions);
    }

    [Fact]
    public void Generate_azure_mode_uses_the_azure_provider_for_every_capability()
    {
        var output = job.Output;
        Assert.StartsWith("azure-openai/", output.Providers["planner"], StringComparison.Ordinal);
        Assert.StartsWith("azure-openai/", output.Providers["moderation"], StringComparison.Ordinal);
        Assert.NotEmpty(job.Server.RequestsTo(FakeAzureOpenAIServer.ChatPath));
        Assert.Equal(2, job.Server.RequestsTo(FakeAzureOpenAIServer.SpeechPath).Count);
        Assert.NotEmpty(job.Server.RequestsTo(FakeAzureOpenAIServer.TranscriptionsPath));
    }

    [Fact]
    public void Generate_failing_scene_falls_back_from_sora_past_the_unreachable_comfyui_to_the_offline_renderer()
    {
        var output = job.Output;
        Assert.Equal("azure-openai/sora-2", output.Clips.Single(c => c.SceneNumber == 1).Provider);
        Assert.StartsWith("animatic", output.Clips.Single(c => c.SceneNumber == 2).Provider, StringComparison.Ordinal);
        var scene2 = output.Routing.Where(line => line.Contains("scene 2", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Contains(scene2, line => line.Contains("comfyui/hunyuan-video", StringComparison.Ordinal));
        Assert.Contains(scene2, line => line.Contains(SceneRoutingPolicy.OfflineRenderer, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_azure_mode_records_the_cost_of_each_provider_call()
    {
        var output = job.Output;
        var sora = output.Usage.Where(u => u.Provider == "azure-openai" && u.Units.ContainsKey("video_seconds")).ToList();
        Assert.NotEmpty(sora);
        Assert.All(sora, u => Assert.Equal((decimal)u.Units["video_seconds"] * 0.1m, u.EstimatedCost));
        var speech = output.Usage.Where(u => u.Units.ContainsKey("characters") && u.Operation.Contains("speech", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(speech);
        Assert.All(speech, u => Assert.True(u.EstimatedCost > 0));
        Assert.Contains(output.Usage, u => u.Units.ContainsKey("input_tokens"));
        Assert.Contains(output.Usage, u => u.Units.ContainsKey("audio_seconds"));
    }

    [Fact]
    public void Manifest_azure_mode_lists_each_routing_choice_and_the_summed_cost()
    {
        var output = job.Output;

        var manifest = ManifestBuilder.Build(
            job.Input, DateTime.UnixEpoch, output, new Dictionary<string, string>(), new Dictionary<string, OutputFile>(), TimeSpan.FromSeconds(1), new Dictionary<string, string?>());

        Assert.Equal(output.Routing, manifest.Routing);
        Assert.Equal(output.Usage.Count, manifest.Usage.Count);
        var totals = manifest.UsageTotals!;
        Assert.Equal(output.Usage.Sum(u => u.EstimatedCost), totals.EstimatedCost);
        Assert.True(totals.EstimatedCost > 0);
        Assert.Contains("azure-openai", totals.ByProvider.Keys);
    }

    [Fact]
    public void Generate_frame_post_check_sends_the_sampled_frames_of_each_scene()
    {
        Assert.Equal([2, 2], job.Server.ModeratedImages);
        Assert.Contains(job.Output.Usage, u => u.Units.ContainsKey("images"));
    }
}
