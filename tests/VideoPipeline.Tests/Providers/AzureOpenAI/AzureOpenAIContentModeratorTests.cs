namespace VideoPipeline.Tests.Providers.AzureOpenAI;

public sealed class AzureOpenAIContentModeratorTests
{
    [Fact]
    public async Task CheckTextAsync_flagged_text_returns_the_categories_marked_true()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);

        var result = await kit.Moderator().CheckTextAsync($"a {FakeAzureOpenAIServer.FlaggedWord} scene", CancellationToken.None);

        Assert.True(result.Flagged);
        Assert.Equal(["violence", "violence/graphic"], result.Categories);
    }

    [Fact]
    public async Task CheckTextAsync_clean_text_is_not_flagged()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);

        var result = await kit.Moderator().CheckTextAsync("a sunny kitchen", CancellationToken.None);

        Assert.False(result.Flagged);
        Assert.Empty(result.Categories);
    }

    [Fact]
    public async Task CheckTextAsync_sends_the_text_with_the_deployment_as_model()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);

        await kit.Moderator().CheckTextAsync("a sunny kitchen", CancellationToken.None);

        var body = server.Requests.Single().Json;
        Assert.Equal("dep-a", body.GetProperty("model").GetString());
        Assert.Equal("a sunny kitchen", body.GetProperty("input").GetString());
    }

    [Fact]
    public async Task CheckImagesAsync_sends_every_frame_as_a_jpeg_data_url_in_one_request()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var frames = await Frames(kit, 3);

        var result = await kit.Moderator().CheckImagesAsync(frames, CancellationToken.None);

        Assert.False(result.Flagged);
        Assert.Equal([3], server.ModeratedImages);
    }

    [Fact]
    public async Task CheckImagesAsync_flagged_frames_return_the_categories_marked_true()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.FlagImages = true;
        using var kit = new AzureOpenAIKit(server);

        var result = await kit.Moderator().CheckImagesAsync(await Frames(kit, 1), CancellationToken.None);

        Assert.True(result.Flagged);
        Assert.Equal(["violence", "violence/graphic"], result.Categories);
    }

    private static async Task<IReadOnlyList<string>> Frames(AzureOpenAIKit kit, int count)
    {
        var clip = await TestMedia.VideoAsync(640, 360, 2, audio: false);
        var frames = new List<string>();
        foreach (var (seconds, i) in VideoPipeline.Media.Frames.FrameSampling.Times(2, count).Select((t, i) => (t, i)))
        {
            var jpeg = kit.Temp.File($"f{i}.jpg");
            await AzureOpenAIKit.FFmpeg.RunAsync(VideoPipeline.Media.Frames.FrameSampling.Frame(clip, seconds, jpeg));
            frames.Add(jpeg);
        }

        return frames;
    }
}
