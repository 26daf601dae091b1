using VideoPipeline.Media.Text;

namespace VideoPipeline.Tests.Media.Text;

public sealed class AssTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("{\\an8}top", "\\{\\\u2060an8\\}top")]
    [InlineData("a\\Nb", "a\\\u2060Nb")]
    [InlineData("a\\hb \\n", "a\\\u2060hb \\\u2060n")]
    [InlineData("%{pts} $(rm -rf /) \"q\" it's", "%\\{pts\\} $(rm -rf /) \"q\" it's")]
    [InlineData("\\{", "\\\u2060\\{")]
    public void Escape_golden(string text, string expected)
    {
        Assert.Equal(expected, AssText.Escape(text));
    }
}
