using VideoPipeline.Media.Text;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Media.Text;

public sealed class TextSegmenterTests
{
    private static readonly TextFonts Fonts = TestFonts.Default;

    [Theory]
    [InlineData("Hello", "NotoSans-Bold")]
    [InlineData("中文字幕", "NotoSansCJKjp-Bold")]
    [InlineData("日本語のテキスト", "NotoSansCJKjp-Bold")]
    [InlineData("مرحبا", "NotoSansArabic-Bold")]
    [InlineData("שלום", "NotoSansHebrew-Bold")]
    public void Clusters_are_drawn_by_the_first_face_that_has_their_glyphs(string text, string face)
    {
        var clusters = TextSegmenter.Clusters(text, Fonts, Fonts.Primary);

        Assert.All(clusters, c => Assert.Equal(face, c.Face.PostScriptName));
    }

    [Theory]
    [InlineData("😀")]
    [InlineData("👍🏽")]
    [InlineData("👨‍👩‍👧")]
    [InlineData("🇯🇵")]
    [InlineData("☕")]
    [InlineData("❤️")]
    [InlineData("1️⃣")]
    public void Emoji_sequences_are_one_colour_cluster(string emoji)
    {
        var clusters = TextSegmenter.Clusters(emoji, Fonts, Fonts.Primary);

        var cluster = Assert.Single(clusters);
        Assert.True(cluster.IsEmoji);
        Assert.True(cluster.Face.IsColor);
        Assert.Single(cluster.Face.ColorGlyphs(cluster.Text));
    }

    [Fact]
    public void Text_presentation_symbols_stay_outline_glyphs()
    {
        var clusters = TextSegmenter.Clusters("❤ ✓ ©", Fonts, Fonts.Primary);

        Assert.All(clusters, c => Assert.False(c.IsEmoji));
    }

    [Fact]
    public void Spaces_and_punctuation_stay_in_the_run_around_them()
    {
        var clusters = TextSegmenter.Clusters("مرحبا بالعالم، 2026", Fonts, Fonts.Primary);

        Assert.All(clusters, c => Assert.Equal("NotoSansArabic-Bold", c.Face.PostScriptName));
    }

    [Fact]
    public void A_stack_without_any_usable_font_names_the_setting()
    {
        var fonts = TestFonts.Only("/nonexistent/font.ttf");

        var error = Assert.Throws<InvalidOperationException>(() => fonts.Primary);
        Assert.Contains("Text:Fonts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_fonts_are_skipped()
    {
        var fonts = TestFonts.Only("/nonexistent/font.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

        Assert.Equal("DejaVuSans-Bold", Assert.Single(fonts.Faces).PostScriptName);
    }

    [Fact]
    public void Colour_emoji_glyphs_are_png_images_from_the_font()
    {
        var glyph = Assert.Single(Fonts.Emoji!.ColorGlyphs("😀"));

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, glyph.Png[..4]);
        Assert.True(glyph.Width > 0 && glyph.Height > 0 && glyph.Ppem > 0);
    }
}
