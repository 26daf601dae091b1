using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Domain;
using VideoPipeline.Providers;
using VideoPipeline.Providers.ComfyUI;
using VideoPipeline.Providers.Http;
using VideoPipeline.Tests.Storage;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Providers.ComfyUI;

/// <summary>The HunyuanVideo provider against a loopback server speaking ComfyUI's contract, failures included.</summary>
public sealed class ComfyHunyuanVideoProviderTests(ComfyClipFixture clip) : IClassFixture<ComfyClipFixture>, IAsyncLifetime
{
    private FakeComfyUI comfy = null!;
    private ServiceProvider services = null!;

    private IVideoJobProvider Provider => this.services.GetServices<IVideoJobProvider>().Single(p => p.Name == "comfyui/hunyuan-video");

    public async Task InitializeAsync()
    {
        this.comfy = await FakeComfyUI.StartAsync();
        this.services = ComfyTestServices.Create([this.comfy.BaseUrl]);
    }

    public async Task DisposeAsync()
    {
        await this.services.DisposeAsync();
        await this.comfy.DisposeAsync();
    }

    [Fact]
    public async Task SubmitAsync_node_errors_from_server_throws_permanent_failure_naming_the_node()
    {
        this.comfy.MaxLength = 65;

        var error = await Assert.ThrowsAsync<PermanentPipelineException>(() => this.Provider.SubmitAsync(ComfyTestServices.Request(seconds: 5), default));

        Assert.Equal(ProviderErrorCodes.Refused, error.Code);
        Assert.Contains("node 45 (EmptyHunyuanLatentVideo)", error.Message);
        Assert.Contains("Value 121 bigger than max of 65", error.Message);
    }

    [Fact]
    public async Task SubmitAsync_posts_the_scene_workflow_and_keeps_the_server_in_the_ticket()
    {
        var ticket = await this.Provider.SubmitAsync(ComfyTestServices.Request(seconds: 3), default);

        var prompt = this.comfy.LastPrompt!;
        Assert.Equal(73, prompt["45"]!["inputs"]!["length"]!.GetValue<int>());
        Assert.StartsWith("Wide shot of a morning kitchen", prompt["44"]!["inputs"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(this.comfy.BaseUrl.ToString(), ticket.Data["server"]);
        Assert.Equal(this.comfy.PendingId(0), ticket.JobId);
    }

    [Fact]
    public async Task PollAsync_prompt_behind_two_others_is_queued_at_position_3()
    {
        this.comfy.QueueForeign("someone-1");
        this.comfy.QueueForeign("someone-2");
        var ticket = await this.Provider.SubmitAsync(ComfyTestServices.Request(), default);

        var state = await this.Provider.PollAsync(ticket, default);

        Assert.Equal(VideoJobPhase.Queued, state.Phase);
        Assert.Equal(3, state.QueuePosition);
        Assert.Equal(TimeSpan.FromSeconds(1), state.PollAfter);
    }

    [Fact]
    public async Task PollAsync_started_prompt_is_running()
    {
        var ticket = await this.Provider.SubmitAsync(ComfyTestServices.Request(), default);
        this.comfy.Start(ticket.JobId);

        var state = await this.Provider.PollAsync(ticket, default);

        Assert.Equal(VideoJobPhase.Running, state.Phase);
    }

    [Fact]
    public async Task PollAsync_execution_error_in_history_is_failed_with_the_exception_message()
    {
        var ticket = await this.Provider.SubmitAsync(ComfyTestServices.Request(), default);
        this.comfy.FailExecution(ticket.JobId, "13", "SamplerCustomAdvanced", "torch.OutOfMemoryError", "Allocation on device");

        var state = await this.Provider.PollAsync(ticket, default);

        Assert.Equal(VideoJobPhase.Failed, state.Phase);
        Assert.Equal("ComfyUI: node 13 (SamplerCustomAdvanced) failed: torch.OutOfMemoryError: Allocation on device", state.FailureReason);
    }

    [Fact]
    public async Task PollAsync_prompt_the_server_forgot_is_failed()
    {
        var ticket = await this.Provider.SubmitAsync(ComfyTestServices.Request(), default);

        var state = await this.Provider.PollAsync(ticket with { JobId = "lost-after-restart" }, default);

        Assert.Equal(VideoJobPhase.Failed, state.Phase);
        Assert.Contains("neither queued nor in its history", state.FailureReason);
    }

    [Fact]
    public async Task PollAsync_finished_prompt_is_succeeded()
    {
        var ticket = await this.Provider.SubmitAsync(ComfyTestServices.Request(), default);
        this.comfy.Succeed(ticket.JobId, clip.Clip);

        var state = await this.Provider.PollAsync(ticket, default);

        Assert.Equal(VideoJobPhase.Succeeded, state.Phase);
    }

    [Fact]
    public async Task DownloadAsync_streams_the_saved_video_and_the_probe_fills_the_clip()
    {
        using var temp = new TempDirectory();
        var ticket = await this.Provider.SubmitAsync(ComfyTestServices.Request(), default);
        this.comfy.Succeed(ticket.JobId, clip.Clip);

        var generated = await this.Provider.DownloadAsync(ticket, temp.File("scene.mp4"), default);

        Assert.Equal(new FileInfo(clip.Clip).Length, new FileInfo(temp.File("scene.mp4")).Length);
        Assert.Equal((848, 480, false, "comfyui/hunyuan-video"), (generated.Width, generated.Height, generated.HasAudio, generated.Provider));
        Assert.InRange(generated.DurationSeconds, 1.9, 2.1);
        Assert.Contains(this.comfy.Server.To("GET", "/view"), r => r.Query.Contains("subfolder=video", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DownloadAsync_records_gpu_seconds_from_the_server_stamps_with_the_configured_price()
    {
        using var temp = new TempDirectory();
        var ticket = await this.Provider.SubmitAsync(ComfyTestServices.Request(), default);
        this.comfy.Succeed(ticket.JobId, clip.Clip, gpuSeconds: 3.5);
        using var ledger = UsageLedger.Begin();

        await this.Provider.DownloadAsync(ticket, temp.File("scene.mp4"), default);

        var usage = Assert.Single(ledger.Entries);
        Assert.Equal(("comfyui/hunyuan-video", "generate_video"), (usage.Provider, usage.Operation));
        Assert.Equal(3.5, usage.Units["gpu_seconds"]);
        Assert.InRange(usage.Units["video_seconds"], 1.9, 2.1);
        Assert.Equal(0.007m, usage.EstimatedCost);
        Assert.True(usage.WallSeconds >= usage.QueueWaitSeconds + 3.4, $"wall {usage.WallSeconds} s should cover queue wait {usage.QueueWaitSeconds} s and 3.5 s of GPU");
    }

    [Fact]
    public async Task SubmitAsync_after_429_with_retry_after_waits_then_succeeds()
    {
        this.comfy.Server.AnswerNext("POST", "/prompt", 429, "busy", retryAfter: "1");

        var ticket = await this.Provider.SubmitAsync(ComfyTestServices.Request(), default);

        var posts = this.comfy.Server.To("POST", "/prompt").ToList();
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromSeconds(0.9), "Retry-After: 1 was not honoured");
        Assert.Equal(this.comfy.PendingId(0), ticket.JobId);
    }

    [Fact]
    public async Task SubmitAsync_after_500_retries_and_succeeds()
    {
        this.comfy.Server.AnswerNext("POST", "/prompt", 500, "Internal Server Error");

        var ticket = await this.Provider.SubmitAsync(ComfyTestServices.Request(), default);

        Assert.Equal(2, this.comfy.Server.To("POST", "/prompt").Count());
        Assert.False(string.IsNullOrEmpty(ticket.JobId));
    }

    [Fact]
    public async Task SubmitAsync_server_answering_500_every_time_throws_transient_after_the_retries()
    {
        this.comfy.Server.AnswerNext("POST", "/prompt", 503, "", times: 10);

        var error = await Assert.ThrowsAsync<TransientPipelineException>(() => this.Provider.SubmitAsync(ComfyTestServices.Request(), default));

        Assert.Equal(3, this.comfy.Server.To("POST", "/prompt").Count());
        Assert.Contains("503", error.Message);
    }

    [Fact]
    public async Task PollAsync_server_slower_than_the_request_timeout_throws_transient_naming_the_timeout()
    {
        await using var services = ComfyTestServices.Create([this.comfy.BaseUrl], new Dictionary<string, string?> { ["ComfyUI:RequestTimeout"] = "00:00:00.3" });
        var provider = services.GetRequiredService<ComfyHunyuanVideoProvider>();
        var ticket = await provider.SubmitAsync(ComfyTestServices.Request(), default);
        this.comfy.Server.AnswerNext("GET", "/queue", 200, "{}", times: 3, delay: TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<TransientPipelineException>(() => provider.PollAsync(ticket, default));

        Assert.Contains("no answer within 00:00:00.3", error.Message);
        Assert.Equal(3, this.comfy.Server.To("GET", "/queue").Count());
    }

    [Fact]
    public async Task PollAsync_malformed_history_json_throws_a_clear_error_naming_the_operation()
    {
        var ticket = await this.Provider.SubmitAsync(ComfyTestServices.Request(), default);
        this.comfy.Start(ticket.JobId);
        this.comfy.FailExecution(ticket.JobId, "13", "SamplerCustomAdvanced", "RuntimeError", "boom");
        this.comfy.Server.AnswerNext("GET", $"/history/{ticket.JobId}", 200, "{\"" + ticket.JobId + "\": {\"outputs\": {");

        var error = await Assert.ThrowsAsync<PermanentPipelineException>(() => this.Provider.PollAsync(ticket, default));

        Assert.Equal(ProviderErrorCodes.BadResponse, error.Code);
        Assert.Contains("ComfyUI GET /history answered outside its contract: the body is not valid JSON", error.Message);
    }

    [Fact]
    public async Task EnsureReadyAsync_server_without_two_nodes_lists_both()
    {
        this.comfy.NodeClasses.Remove("CreateVideo");
        this.comfy.NodeClasses.Remove("SaveVideo");
        var provider = this.services.GetRequiredService<ComfyHunyuanVideoProvider>();

        var error = await Assert.ThrowsAsync<PermanentPipelineException>(() => provider.EnsureReadyAsync(default));

        Assert.Equal(ProviderErrorCodes.Misconfigured, error.Code);
        Assert.Contains("lacks node classes the hunyuan_video_t2v workflow uses: CreateVideo, SaveVideo.", error.Message);
    }

    [Fact]
    public async Task CancelAsync_running_prompt_sends_interrupt_for_it()
    {
        var ticket = await this.Provider.SubmitAsync(ComfyTestServices.Request(), default);
        this.comfy.Start(ticket.JobId);

        await this.Provider.CancelAsync(ticket, default);

        var interrupt = Assert.Single(this.comfy.Server.To("POST", "/interrupt"));
        Assert.Equal(ticket.JobId, JsonNode.Parse(interrupt.Body)!["prompt_id"]!.GetValue<string>());
        Assert.Equal(VideoJobPhase.Cancelled, (await this.Provider.PollAsync(ticket, default)).Phase);
    }

    [Fact]
    public async Task CancelAsync_waiting_prompt_is_deleted_from_the_queue_without_interrupting()
    {
        this.comfy.QueueForeign("someone-1");
        this.comfy.Start("someone-1");
        var ticket = await this.Provider.SubmitAsync(ComfyTestServices.Request(), default);

        await this.Provider.CancelAsync(ticket, default);

        var delete = Assert.Single(this.comfy.Server.To("POST", "/queue"));
        Assert.Equal(ticket.JobId, JsonNode.Parse(delete.Body)!["delete"]![0]!.GetValue<string>());
        Assert.Empty(this.comfy.Server.To("POST", "/interrupt"));
    }

    [Fact]
    public async Task SubmitAsync_first_server_unreachable_fails_over_to_the_second()
    {
        var closed = new Uri($"http://127.0.0.1:{LoopbackHttpServer.FreePort()}/");
        await using var services = ComfyTestServices.Create([closed, this.comfy.BaseUrl]);
        var provider = services.GetRequiredService<ComfyHunyuanVideoProvider>();

        var ticket = await provider.SubmitAsync(ComfyTestServices.Request(), default);

        Assert.Equal(this.comfy.BaseUrl.ToString(), ticket.Data["server"]);
        Assert.Single(this.comfy.Server.To("POST", "/prompt"));
    }

    [Fact]
    public async Task SubmitAsync_first_server_still_answering_503_after_its_retries_fails_over_to_the_second()
    {
        await using var busy = await FakeComfyUI.StartAsync();
        busy.Server.AnswerNext("POST", "/prompt", 503, "", times: 5);
        await using var services = ComfyTestServices.Create([busy.BaseUrl, this.comfy.BaseUrl]);
        var provider = services.GetRequiredService<ComfyHunyuanVideoProvider>();

        var ticket = await provider.SubmitAsync(ComfyTestServices.Request(), default);

        // ComfyUI:MaxRetries is 2 here: the busy server is asked three times, then the next one takes the job.
        Assert.Equal(this.comfy.BaseUrl.ToString(), ticket.Data["server"]);
        Assert.Equal(3, busy.Server.To("POST", "/prompt").Count());
    }

    [Fact]
    public async Task SubmitAsync_server_whose_circuit_is_open_is_skipped_without_being_called()
    {
        await using var busy = await FakeComfyUI.StartAsync();
        busy.Server.AnswerNext("POST", "/prompt", 503, "", times: 100);
        await using var services = ComfyTestServices.Create(
            [busy.BaseUrl, this.comfy.BaseUrl], new Dictionary<string, string?> { ["ComfyUI:MaxRetries"] = "0", ["ComfyUI:CircuitMinimumThroughput"] = "2" });
        var provider = services.GetRequiredService<ComfyHunyuanVideoProvider>();
        await provider.SubmitAsync(ComfyTestServices.Request(), default);
        await provider.SubmitAsync(ComfyTestServices.Request(sceneNumber: 2), default);
        var refusedSoFar = busy.Server.To("POST", "/prompt").Count();

        var ticket = await provider.SubmitAsync(ComfyTestServices.Request(sceneNumber: 3), default);

        Assert.Equal(this.comfy.BaseUrl.ToString(), ticket.Data["server"]);
        Assert.InRange(refusedSoFar, 1, 2);
        Assert.Equal(refusedSoFar, busy.Server.To("POST", "/prompt").Count());
    }
}
