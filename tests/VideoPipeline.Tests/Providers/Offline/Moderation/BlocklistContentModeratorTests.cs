using Microsoft.Extensions.Options;
using VideoPipeline.Providers.Offline.Moderation;

namespace VideoPipeline.Tests.Providers.Offline.Moderation;

public sealed class BlocklistContentModeratorTests
{
    private static BlocklistContentModerator Create(params string[] terms) =>
        new(Options.Create(new ModerationOptions { Blocklist = [.. terms] }));

    [Fact]
    public async Task CheckTextAsync_blocked_phrase_is_flagged_with_its_category()
    {
        var result = await Create("violence:build a bomb").CheckTextAsync("An ad showing how to BUILD A  Bomb at home", CancellationToken.None);

        Assert.True(result.Flagged);
        Assert.Equal(["violence"], result.Categories);
    }

    [Fact]
    public async Task CheckTextAsync_term_inside_another_word_is_not_flagged()
    {
        var result = await Create("bomb").CheckTextAsync("A bombastic coffee ad", CancellationToken.None);

        Assert.False(result.Flagged);
    }

    [Fact]
    public async Task CheckTextAsync_accents_do_not_evade_the_list()
    {
        var result = await Create("cocaine").CheckTextAsync("Buy cocaíne today", CancellationToken.None);

        Assert.True(result.Flagged);
        Assert.Equal(["blocklist"], result.Categories);
    }

    [Fact]
    public async Task CheckTextAsync_default_list_passes_an_ordinary_ad()
    {
        var moderator = new BlocklistContentModerator(Options.Create(new ModerationOptions()));

        var result = await moderator.CheckTextAsync("A 30-second ad for a new coffee brand showing morning routine", CancellationToken.None);

        Assert.False(result.Flagged);
    }
}
