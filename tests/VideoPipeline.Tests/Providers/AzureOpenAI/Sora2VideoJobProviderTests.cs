using VideoPipeline.Domain;
using VideoPipeline.Providers;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

public sealed class Sora2VideoJobProviderTests
{
    [Fact]
    public async Task Sora2_SubmitAsync_sends_seconds_as_a_string_and_a_supported_size()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);

        var ticket = await kit.Sora2().SubmitAsync(ClientCalls.Scene(new Resolution(1080, 1920), 5), CancellationToken.None);

        var body = server.Requests.Single().Json;
        Assert.Equal(System.Text.Json.JsonValueKind.String, body.GetProperty("seconds").ValueKind);
        Assert.Equal(("8", "720x1280", "dep-a"), (body.GetProperty("seconds").GetString(), body.GetProperty("size").GetString(), body.GetProperty("model").GetString()));
        Assert.Contains("size 1080x1920 is not offered; asked for 720x1280", ticket.Data["adjustments"], StringComparison.Ordinal);
        Assert.Contains("a 5 s scene was asked as 8 s", ticket.Data["adjustments"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sora2_PollAsync_in_progress_reports_running_with_progress()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var sora = kit.Sora2();
        var ticket = await sora.SubmitAsync(ClientCalls.Scene(Resolution.Landscape720, 4), CancellationToken.None);

        var state = await sora.PollAsync(ticket, CancellationToken.None);

        Assert.Equal((VideoJobPhase.Running, 50), (state.Phase, state.Progress));
    }

    [Fact]
    public async Task Sora2_DownloadAsync_of_a_failed_video_fails_permanently()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var sora = kit.Sora2();
        var ticket = await sora.SubmitAsync(ClientCalls.Scene(Resolution.Landscape720, 4, $"a {FakeAzureOpenAIServer.FailWord} kitchen"), CancellationToken.None);
        await SoraTestSteps.PollUntilFinishedAsync(sora, ticket);

        var error = await Assert.ThrowsAsync<PermanentPipelineException>(() => sora.DownloadAsync(ticket, kit.Temp.File("scene.mp4"), CancellationToken.None));

        Assert.Contains("the scene could not be rendered", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(kit.Temp.Path));
    }

    [Fact]
    public async Task Sora2_CancelAsync_of_a_video_already_gone_succeeds()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var sora = kit.Sora2();
        var ticket = await sora.SubmitAsync(ClientCalls.Scene(Resolution.Landscape720, 4), CancellationToken.None);

        await sora.CancelAsync(ticket with { JobId = "video_gone" }, CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
    }
}
