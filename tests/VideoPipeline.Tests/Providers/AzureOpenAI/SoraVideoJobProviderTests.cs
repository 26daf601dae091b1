using VideoPipeline.Domain;
using VideoPipeline.Providers;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

/// <summary>The job lifecycle both Sora APIs share, against each API's fake.</summary>
public sealed class SoraVideoJobProviderTests
{
    public static TheoryData<string> Apis => [ClientCalls.Sora1, ClientCalls.Sora2];

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task Job_that_succeeds_downloads_a_clip_probed_from_the_file(string api)
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var sora = Provider(kit, api);
        var output = kit.Temp.File("scene-1.mp4");

        var ticket = await sora.SubmitAsync(ClientCalls.Scene(Resolution.Landscape720, 4), CancellationToken.None);
        var state = await SoraTestSteps.PollUntilFinishedAsync(sora, ticket);
        var clip = await sora.DownloadAsync(ticket, output, CancellationToken.None);

        Assert.Equal(VideoJobPhase.Succeeded, state.Phase);
        Assert.Equal(4.0, clip.DurationSeconds, 1);
        Assert.Equal((1280, 720), (clip.Width, clip.Height));
        Assert.Equal(api == ClientCalls.Sora2, clip.HasAudio);
        Assert.Equal(sora.Name, clip.Provider);
        Assert.Equal([output], Directory.GetFiles(kit.Temp.Path));
    }

    [Theory]
    [InlineData(ClientCalls.Sora1, "output_moderation: the generated video was blocked")]
    [InlineData(ClientCalls.Sora2, "the scene could not be rendered")]
    public async Task Job_that_fails_reports_failed_with_the_services_reason(string api, string reason)
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var sora = Provider(kit, api);

        var ticket = await sora.SubmitAsync(ClientCalls.Scene(Resolution.Landscape720, 4, $"a {FakeAzureOpenAIServer.FailWord} kitchen"), CancellationToken.None);
        var state = await SoraTestSteps.PollUntilFinishedAsync(sora, ticket);

        Assert.Equal(VideoJobPhase.Failed, state.Phase);
        Assert.Equal(reason, state.FailureReason);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task CancelAsync_deletes_the_job_where_it_was_submitted(string api)
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var sora = Provider(kit, api);
        var ticket = await sora.SubmitAsync(ClientCalls.Scene(Resolution.Landscape720, 4), CancellationToken.None);

        await sora.CancelAsync(ticket, CancellationToken.None);

        Assert.Equal(("DELETE", $"{ClientCalls.PathOf(api)}/{ticket.JobId}"), (server.Requests[1].Method, server.Requests[1].Path));
        Assert.Equal(VideoJobPhase.Cancelled, (await sora.PollAsync(ticket, CancellationToken.None)).Phase);
    }

    private static IVideoJobProvider Provider(AzureOpenAIKit kit, string api) => api == ClientCalls.Sora1 ? kit.Sora1() : kit.Sora2();
}
