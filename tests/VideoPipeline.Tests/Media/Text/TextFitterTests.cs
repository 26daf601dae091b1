using VideoPipeline.Media.Text;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Media.Text;

public sealed class TextFitterTests
{
    private static readonly TextFonts Fonts = TestFonts.Default;

    [Fact]
    public void Short_text_keeps_the_largest_size_on_one_line()
    {
        var block = TextFitter.Fit("Try it today!", Fonts, Fonts.Primary, new TextFit(56, 20, 1100, 160));

        Assert.Equal(56, block.EmPixels);
        Assert.Single(block.Lines);
        Assert.False(block.Shortened);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("中")]
    [InlineData("م")]
    [InlineData("W")]
    public void Four_thousand_characters_stay_inside_the_box(string unit)
    {
        var text = string.Join(' ', Enumerable.Repeat(string.Concat(Enumerable.Repeat(unit, 9)), 400));
        var fit = new TextFit(52, 20, 1100, 288);

        var block = TextFitter.Fit(text, Fonts, Fonts.Primary, fit);

        Assert.Equal(20, block.EmPixels);
        Assert.True(block.Width <= fit.Width, $"{block.Width} px wide");
        Assert.True(block.Height <= fit.Height, $"{block.Height} px high");
        Assert.True(block.Shortened);
        Assert.EndsWith("\u2026", block.Lines[^1].Runs[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_wider_than_the_box_is_split()
    {
        var block = TextFitter.Fit(new string('x', 300), Fonts, Fonts.Primary, new TextFit(40, 40, 600, 1000));

        Assert.True(block.Lines.Count > 1);
        Assert.All(block.Lines, l => Assert.True(l.Width <= 600));
    }

    [Fact]
    public void Text_shrinks_before_it_is_cut()
    {
        var text = string.Join(' ', Enumerable.Repeat("coffee", 40));

        var block = TextFitter.Fit(text, Fonts, Fonts.Primary, new TextFit(56, 20, 1100, 160));

        Assert.InRange(block.EmPixels, 20, 55);
        Assert.False(block.Shortened);
        Assert.Equal(40, string.Concat(block.Lines.SelectMany(l => l.Runs).Select(r => r.Text)).Split("coffee").Length - 1);
    }

    [Fact]
    public void Chinese_without_spaces_breaks_between_characters_but_not_before_closing_punctuation()
    {
        var text = string.Concat(Enumerable.Repeat("咖啡的香气，", 30));

        var block = TextFitter.Fit(text, Fonts, Fonts.Primary, new TextFit(40, 40, 500, 2000));

        Assert.True(block.Lines.Count > 3);
        Assert.All(block.Lines.Skip(1), l => Assert.False(l.Runs[0].Text.StartsWith('，')));
        Assert.All(block.Lines, l => Assert.True(l.Width <= 500));
    }

    [Fact]
    public void A_right_to_left_line_places_its_runs_leftwards()
    {
        var block = TextFitter.Fit("مرحبا 😀", Fonts, Fonts.Primary, new TextFit(40, 40, 1000, 200));

        var runs = Assert.Single(block.Lines).Runs;
        Assert.Equal(2, runs.Count);
        Assert.True(runs[1].IsEmoji);
        Assert.True(runs[1].X < runs[0].X, "the emoji after Arabic text sits on its left");
    }

    [Fact]
    public void Line_breaks_in_the_text_are_kept()
    {
        var block = TextFitter.Fit("one\ntwo", Fonts, Fonts.Primary, new TextFit(40, 40, 1000, 400));

        Assert.Equal(["one", "two"], block.Lines.Select(l => l.Runs.Single().Text));
    }
}
