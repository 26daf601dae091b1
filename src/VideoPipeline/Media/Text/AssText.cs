namespace VideoPipeline.Media.Text;

/// <summary>
/// User text as literal ASS event text. libass reads <c>{…}</c> as override tags and <c>\N</c>, <c>\n</c>,
/// <c>\h</c> as breaks and hard spaces: braces are escaped (<c>\{</c>, <c>\}</c>, drawn as braces) and an
/// invisible word joiner follows every backslash of the text, so nothing in it is a command.
/// </summary>
public static class AssText
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text
            .Replace("\\", "\\\u2060", StringComparison.Ordinal)
            .Replace("{", "\\{", StringComparison.Ordinal)
            .Replace("}", "\\}", StringComparison.Ordinal)
            .Replace('\n', ' ')
            .Replace('\r', ' ');
    }
}
