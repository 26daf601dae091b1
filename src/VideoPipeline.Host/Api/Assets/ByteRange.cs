using System.Globalization;

namespace VideoPipeline.Host.Api.Assets;

/// <summary>One satisfiable byte range of a representation of <c>length</c> bytes (RFC 9110 §14).</summary>
public readonly record struct ByteRange(long From, long To)
{
    public long Length => this.To - this.From + 1;

    /// <summary>
    /// <c>bytes=a-b</c>, <c>bytes=a-</c> or <c>bytes=-n</c>. Null with <paramref name="satisfiable"/> true means
    /// "send the whole file" (no header, another unit, several ranges, or syntax we ignore as RFC 9110 allows);
    /// <paramref name="satisfiable"/> false means 416.
    /// </summary>
    public static ByteRange? Parse(string? header, long length, out bool satisfiable)
    {
        satisfiable = true;
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        var spec = header[6..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return null;
        }

        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix))
            {
                return null;
            }

            satisfiable = suffix > 0 && length > 0;
            return satisfiable ? new ByteRange(Math.Max(0, length - suffix), length - 1) : null;
        }

        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var from))
        {
            return null;
        }

        long to = length - 1;
        if (last.Length > 0)
        {
            if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out to) || to < from)
            {
                return null;
            }
        }

        satisfiable = from < length;
        return satisfiable ? new ByteRange(from, Math.Min(to, length - 1)) : null;
    }
}
