using System.Text;

namespace VideoPipeline.Host.Cli;

/// <summary>A short file-name-safe label from free text ("A 30-second ad for..." -> "a-30-second-ad-for").</summary>
public static class Slug
{
    public static string From(string text, int maxLength = 40)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= maxLength)
            {
                break;
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "video" : slug;
    }
}
