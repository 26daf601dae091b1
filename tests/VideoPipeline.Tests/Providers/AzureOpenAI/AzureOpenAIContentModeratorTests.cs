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
}
