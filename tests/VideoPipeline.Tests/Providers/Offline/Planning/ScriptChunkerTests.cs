using VideoPipeline.Providers.Offline.Planning;

namespace VideoPipeline.Tests.Providers.Offline.Planning;

public sealed class ScriptChunkerTests
{
    [Fact]
    public void Split_equalSentences_cutsAtEverySentenceEnd()
    {
        var chunks = ScriptChunker.Split("One two three four. Five six seven eight. Nine ten eleven twelve.", 3);

        Assert.Equal(["One two three four.", "Five six seven eight.", "Nine ten eleven twelve."], chunks);
    }

    [Fact]
    public void Split_moreSentencesThanChunks_mergesNeighbours()
    {
        var chunks = ScriptChunker.Split("Wake up. Stretch. Breathe deeply. Make the coffee. Drink it slowly. Go to work.", 2);

        Assert.Equal(["Wake up. Stretch. Breathe deeply.", "Make the coffee. Drink it slowly. Go to work."], chunks);
    }

    [Fact]
    public void Split_longSentence_prefersCommaOverMidClause()
    {
        var chunks = ScriptChunker.Split("We walked along the quiet river for hours, then we sat down on the old bridge to rest", 2);

        Assert.EndsWith(",", chunks[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Split_fewerWordsThanChunks_givesOneWordPerChunk()
    {
        Assert.Equal(["Coffee", "time."], ScriptChunker.Split("Coffee time.", 6));
    }

    [Fact]
    public void Split_blankScript_givesNoChunks()
    {
        Assert.Empty(ScriptChunker.Split(" \n ", 3));
    }

    [Fact]
    public void Split_veryLongScript_stillKeepsEveryWordInOrder()
    {
        var words = Enumerable.Range(0, 5000).Select(i => i % 12 == 11 ? $"word{i}." : $"word{i}").ToArray();

        var chunks = ScriptChunker.Split(string.Join(' ', words), 20);

        Assert.Equal(20, chunks.Count);
        Assert.Equal(words, chunks.SelectMany(c => c.Split(' ')));
    }
}
