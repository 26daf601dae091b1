using VideoPipeline.Media.Captions;

namespace VideoPipeline.Tests.Media.Captions;

public class SpeakableTextTests
{
    [Fact]
    public void Clean_horizontal_rule_between_paragraphs_is_removed()
    {
        Assert.Equal("First part. Second part.", SpeakableText.Clean("First part.\n\n---\n\nSecond part."));
    }

    [Theory]
    [InlineData("***")]
    [InlineData("___")]
    [InlineData("- - -")]
    public void Clean_other_horizontal_rules_leave_nothing(string rule)
    {
        Assert.Equal("", SpeakableText.Clean(rule));
    }

    [Fact]
    public void Clean_bold_and_italic_markers_are_removed()
    {
        Assert.Equal("This is bold and italic and strong.", SpeakableText.Clean("This is **bold** and _italic_ and __strong__."));
    }

    [Fact]
    public void Clean_underscore_inside_a_word_becomes_a_space()
    {
        Assert.Equal("call snake case now", SpeakableText.Clean("call snake_case now"));
    }

    [Fact]
    public void Clean_heading_marks_are_removed_and_the_heading_ends_a_sentence()
    {
        Assert.Equal("Our story. It began in Paris.", SpeakableText.Clean("## Our story\nIt began in Paris."));
    }

    [Fact]
    public void Clean_link_keeps_its_text_and_drops_the_address()
    {
        Assert.Equal("Read our guide today.", SpeakableText.Clean("Read [our guide](https://example.com/guide \"Guide\") today."));
    }

    [Fact]
    public void Clean_image_is_removed_entirely()
    {
        Assert.Equal("Look here.", SpeakableText.Clean("Look ![a chart](img/chart.png) here."));
    }

    [Fact]
    public void Clean_bare_url_is_removed_but_the_sentence_end_stays()
    {
        Assert.Equal("Visit today.", SpeakableText.Clean("Visit https://example.com/a?b=c today."));
        Assert.Equal("More at.", SpeakableText.Clean("More at www.example.com."));
    }

    [Fact]
    public void Clean_email_address_is_removed()
    {
        Assert.Equal("Write to us.", SpeakableText.Clean("Write to hello@example.co.uk us."));
    }

    [Fact]
    public void Clean_inline_code_keeps_its_words_without_backticks()
    {
        Assert.Equal("Run npm install first.", SpeakableText.Clean("Run `npm install` first."));
    }

    [Fact]
    public void Clean_fenced_code_block_is_removed()
    {
        Assert.Equal("Before. After.", SpeakableText.Clean("Before.\n```csharp\nvar x = 1;\n```\nAfter."));
    }

    [Fact]
    public void Clean_blockquote_and_bullets_become_separate_sentences()
    {
        Assert.Equal("Why us: Fast. Cheap. Quoted words", SpeakableText.Clean("Why us:\n- Fast\n* Cheap\n\n> Quoted words"));
    }

    [Fact]
    public void Clean_numbered_list_markers_are_removed()
    {
        Assert.Equal("Plan. Build", SpeakableText.Clean("1. Plan\n2) Build"));
    }

    [Fact]
    public void Clean_year_starting_a_wrapped_line_is_not_a_list_marker()
    {
        Assert.Equal("We started in 2019. Since then we grew.", SpeakableText.Clean("We started in\n2019. Since then we grew."));
    }

    [Fact]
    public void Clean_html_tags_are_removed_and_entities_decoded()
    {
        Assert.Equal("Hello world & friends", SpeakableText.Clean("<p>Hello <b>world</b> &amp; friends</p>"));
    }

    [Fact]
    public void Clean_emoji_are_removed()
    {
        Assert.Equal("Launch day! Go", SpeakableText.Clean("Launch day! 🚀🔥 Go ✨"));
    }

    [Fact]
    public void Clean_zwj_family_emoji_and_skin_tones_leave_no_residue()
    {
        var cleaned = SpeakableText.Clean("Family 👨‍👩‍👧‍👦 time 👍🏽 now ❤️ 🇫🇷");

        Assert.Equal("Family time now", cleaned);
    }

    [Fact]
    public void Clean_emoji_between_words_keeps_them_apart()
    {
        Assert.Equal("fast cheap", SpeakableText.Clean("fast🚀cheap"));
    }

    [Fact]
    public void Clean_accented_letters_and_cjk_are_kept()
    {
        Assert.Equal("Café über 你好世界, ありがとう。", SpeakableText.Clean("Café **über** 你好世界, ありがとう。"));
    }

    [Fact]
    public void Clean_control_characters_are_removed()
    {
        Assert.Equal("bell gone", SpeakableText.Clean("bell\u0007 gone\u200B"));
    }

    [Fact]
    public void Clean_normal_punctuation_is_kept()
    {
        const string prose = "Wait: it's \"fine\"; really - yes, no? Sure!";

        Assert.Equal(prose, SpeakableText.Clean(prose));
    }

    [Fact]
    public void Clean_whitespace_and_soft_line_breaks_collapse_to_single_spaces()
    {
        Assert.Equal("one two three", SpeakableText.Clean("  one\t two\r\n three  "));
    }

    [Fact]
    public void Clean_markdown_only_text_leaves_nothing_to_speak()
    {
        Assert.Equal("", SpeakableText.Clean("---\n_\n**\n#"));
    }
}
