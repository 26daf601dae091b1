using VideoPipeline.Domain;
using VideoPipeline.Providers;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

public sealed class Sora1VideoJobProviderTests
{
    [Fact]
    public async Task Sora1_SubmitAsync_posts_the_jobs_contract_with_api_version_preview()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);

        var ticket = await kit.Sora1().SubmitAsync(ClientCalls.Scene(Resolution.Landscape720, 4), CancellationToken.None);
        await kit.Sora1().PollAsync(ticket, CancellationToken.None);

        var submit = server.Requests[0];
        var body = submit.Json;
        Assert.Equal(("POST", "?api-version=preview"), (submit.Method, submit.Query));
        Assert.Equal("dep-a", body.GetProperty("model").GetString());
        Assert.Equal((1280, 720, 4, 1), (body.GetProperty("width").GetInt32(), body.GetProperty("height").GetInt32(), body.GetProperty("n_seconds").GetInt32(), body.GetProperty("n_variants").GetInt32()));
        Assert.StartsWith("Wide shot of a sunny kitchen.", body.GetProperty("prompt").GetString(), StringComparison.Ordinal);
        Assert.Equal($"{FakeAzureOpenAIServer.Sora1JobsPath}/{ticket.JobId}?api-version=preview", server.Requests[1].Path + server.Requests[1].Query);
    }

    [Fact]
    public async Task Sora1_SubmitAsync_unsupported_size_and_length_are_mapped_and_recorded()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);

        var ticket = await kit.Sora1().SubmitAsync(ClientCalls.Scene(new Resolution(640, 360), 25), CancellationToken.None);

        var body = server.Requests.Single().Json;
        Assert.Equal((854, 480, 20), (body.GetProperty("width").GetInt32(), body.GetProperty("height").GetInt32(), body.GetProperty("n_seconds").GetInt32()));
        Assert.Contains("size 640x360 is not offered; asked for 854x480", ticket.Data["adjustments"], StringComparison.Ordinal);
        Assert.Contains("longer than the 20 s maximum", ticket.Data["adjustments"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sora1_PollAsync_undocumented_status_is_reported_as_running()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var sora = kit.Sora1();
        var ticket = await sora.SubmitAsync(ClientCalls.Scene(Resolution.Landscape720, 4, $"a {FakeAzureOpenAIServer.OddStatusWord} kitchen"), CancellationToken.None);

        var state = await sora.PollAsync(ticket, CancellationToken.None);

        Assert.Equal(VideoJobPhase.Running, state.Phase);
        Assert.False(state.IsFinished);
        Assert.Equal(TimeSpan.FromSeconds(10), state.PollAfter);
    }

    [Fact]
    public async Task Sora1_PollAsync_after_failover_goes_to_the_deployment_that_took_the_job()
    {
        await using var first = await FakeAzureOpenAIServer.StartAsync();
        await using var second = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit([AzureOpenAIKit.Deployment(first, "dep-a"), AzureOpenAIKit.Deployment(second, "dep-b")]);
        first.Fail(FakeAzureOpenAIServer.Sora1JobsPath, 429, retryAfter: "30");
        var sora = kit.Sora1();

        var ticket = await sora.SubmitAsync(ClientCalls.Scene(Resolution.Landscape720, 4), CancellationToken.None);
        await sora.PollAsync(ticket, CancellationToken.None);

        Assert.Equal("dep-b", ticket.Data["deployment"]);
        Assert.Single(first.Requests);
        Assert.Equal(["POST", "GET"], second.Requests.Select(r => r.Method));
        Assert.Equal(AzureOpenAIKit.FakeKey, second.Requests[1].ApiKey);
        Assert.DoesNotContain(ticket.Data.Values, v => v.Contains(AzureOpenAIKit.FakeKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sora1_DownloadAsync_records_billed_seconds_cost_and_the_jobs_own_time()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var sora = kit.Sora1(new Dictionary<string, decimal> { ["video_seconds"] = 0.25m });
        var ticket = await sora.SubmitAsync(ClientCalls.Scene(Resolution.Landscape720, 4), CancellationToken.None);
        await SoraTestSteps.PollUntilFinishedAsync(sora, ticket);
        using var ledger = UsageLedger.Begin();

        await sora.DownloadAsync(ticket, kit.Temp.File("scene.mp4"), CancellationToken.None);

        var usage = ledger.Entries.Single();
        Assert.Equal("video.generation", usage.Operation);
        Assert.Equal(4, usage.Units["video_seconds"]);
        Assert.Equal(1.00m, usage.EstimatedCost);
        Assert.Equal(FakeAzureOpenAIServer.GenerationSeconds, usage.WallSeconds);
    }

    [Fact]
    public async Task Sora1_DownloadAsync_broken_off_download_fails_transiently_and_leaves_no_file()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var sora = kit.Sora1();
        var ticket = await sora.SubmitAsync(ClientCalls.Scene(Resolution.Landscape720, 4), CancellationToken.None);
        await SoraTestSteps.PollUntilFinishedAsync(sora, ticket);
        server.Fail($"/openai/v1/video/generations/gen_{ticket.JobId}/content/video", 200, abortBody: true);

        var error = await Assert.ThrowsAsync<TransientPipelineException>(() => sora.DownloadAsync(ticket, kit.Temp.File("scene.mp4"), CancellationToken.None));

        Assert.Contains("broke off", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(kit.Temp.Path));
    }
}
